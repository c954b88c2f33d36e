"""Known countries and cities: enough to tell "(Poland)" from "(IPHR)" after a name.

A list only has to answer one question: is the trailing part of a printed name
a place?  It never has to be complete: an unknown place stays part of the name
(as printed), which is the safe failure.  English short names, the long forms
and old spellings that letters actually use, and the names in the languages of
the region signon's users come from.  Cities: capitals and the cities that
appear in the letters of this kind; "Name, City, Country" needs no city list
at all (a known country is enough).
"""

from __future__ import annotations

import functools

from signon.text import fold

_COUNTRIES = """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
Austria|Azerbaijan|Bahamas|The Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|
Bhutan|Bolivia|Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia & Herzegovina|BiH|Botswana|
Brazil|Brunei|Bulgaria|Burkina Faso|Burma|Burundi|Cabo Verde|Cape Verde|Cambodia|Cameroon|Canada|
Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|Republic of the Congo|
Democratic Republic of the Congo|DR Congo|DRC|Costa Rica|Côte d'Ivoire|Cote d'Ivoire|
Ivory Coast|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|
Dominican Republic|East Timor|Timor-Leste|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|
Estonia|Eswatini|Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|The Gambia|Georgia|Germany|
Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hong Kong|Hungary|
Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|
Kiribati|Kosovo|Kuwait|Kyrgyzstan|Kyrgyz Republic|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|
Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|
Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Republic of Moldova|Monaco|
Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|
The Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|
Macedonia|Norway|Oman|Pakistan|Palau|Palestine|State of Palestine|Panama|Papua New Guinea|
Paraguay|Peru|Philippines|The Philippines|Poland|Portugal|Puerto Rico|Qatar|Romania|Russia|
Russian Federation|Rwanda|Saint Kitts and Nevis|Saint Lucia|Saint Vincent and the Grenadines|
Samoa|San Marino|Sao Tome and Principe|São Tomé and Príncipe|Saudi Arabia|Senegal|Serbia|
Seychelles|Sierra Leone|Singapore|Slovakia|Slovak Republic|Slovenia|Solomon Islands|Somalia|
Somaliland|South Africa|South Korea|Korea|Republic of Korea|South Sudan|Spain|Sri Lanka|Sudan|
Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Tibet|Togo|Tonga|
Transnistria|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|
United Arab Emirates|UAE|United Kingdom|UK|U.K.|Great Britain|Britain|England|Scotland|Wales|
Northern Ireland|United States|United States of America|USA|U.S.A.|US|U.S.|Uruguay|Uzbekistan|
Vanuatu|Vatican|Holy See|Venezuela|Vietnam|Viet Nam|Western Sahara|Yemen|Zambia|Zimbabwe|
Abkhazia|South Ossetia|Crimea|Chechnya|Nagorno-Karabakh|Kurdistan|Greenland|Faroe Islands|
European Union|Europe|Africa|Asia|Latin America|
Middle East|Central Asia|Eastern Europe|South Caucasus|Caucasus|Balkans|Scandinavia|
Polska|Deutschland|Österreich|Schweiz|Suisse|Svizzera|Sverige|Norge|Danmark|Suomi|Eesti|Latvija|
Lietuva|Česko|Česká republika|Slovensko|Magyarország|România|Moldova|Hrvatska|Srbija|Србија|
Crna Gora|Bosna i Hercegovina|Shqipëri|Shqipëria|България|Ελλάδα|España|Italia|Nederland|
België|Belgique|Türkiye|Sakartvelo|საქართველო|Հայաստան|Azərbaycan|Україна|Беларусь|Беларусь|
Белоруссия|Россия|Российская Федерация|Казахстан|Қазақстан|Кыргызстан|Тоҷикистон|
Таджикистан|Ўзбекистон|Узбекистан|Туркменистан|Молдова|Армения|Грузия|Азербайджан|Украина|
Латвия|Литва|Эстония|Польша|Германия|Франция|Швеция|Норвегия|Чехия|Рэспубліка Беларусь|
Францыя|Літва|Польшча|Украіна|Расія|Грузія|Литва|Польща|Німеччина|Франція|Чехія|Росія|
"""

_CITIES = """
Kabul|Tirana|Algiers|Buenos Aires|Yerevan|Vanadzor|Gyumri|Canberra|Sydney|Melbourne|Vienna|Baku|
Ganja|Dhaka|Minsk|Brest|Gomel|Homel|Grodno|Hrodna|Vitebsk|Viciebsk|Mogilev|Mahilyow|Brussels|
Bruxelles|Antwerp|Sarajevo|Banja Luka|Tuzla|Mostar|Brasilia|São Paulo|Rio de Janeiro|Sofia|
Phnom Penh|Ottawa|Toronto|Montreal|Vancouver|Santiago|Beijing|Hong Kong|Bogotá|Bogota|Zagreb|
Split|Rijeka|Osijek|Havana|Nicosia|Prague|Praha|Brno|Copenhagen|Cairo|Tallinn|Addis Ababa|
Helsinki|Paris|Lyon|Marseille|Strasbourg|Tbilisi|Kutaisi|Batumi|Berlin|Munich|München|Hamburg|
Frankfurt|Cologne|Köln|Bonn|Leipzig|Accra|Athens|Thessaloniki|Budapest|Reykjavik|New Delhi|
Delhi|Mumbai|Jakarta|Tehran|Baghdad|Erbil|Dublin|Jerusalem|Tel Aviv|Rome|Milan|Turin|Florence|
Naples|Tokyo|Amman|Astana|Nur-Sultan|Almaty|Nairobi|Pristina|Prishtina|Bishkek|Osh|Riga|Beirut|
Vilnius|Kaunas|Luxembourg|Skopje|Kuala Lumpur|Valletta|Mexico City|Chisinau|Chișinău|Kishinev|
Tiraspol|Balti|Bălți|Comrat|Ulaanbaatar|Podgorica|Rabat|Casablanca|Yangon|Kathmandu|Amsterdam|
The Hague|Den Haag|Rotterdam|Utrecht|Wellington|Abuja|Lagos|Oslo|Bergen|Trondheim|Stavanger|
Islamabad|Karachi|Lahore|Ramallah|Gaza|Lima|Manila|Warsaw|Warszawa|Kraków|Krakow|Wrocław|
Wroclaw|Gdańsk|Gdansk|Poznań|Poznan|Łódź|Lodz|Lublin|Białystok|Bialystok|Lisbon|Lisboa|Porto|
Doha|Bucharest|Cluj-Napoca|Iași|Iasi|Moscow|Saint Petersburg|St. Petersburg|St Petersburg|
Yekaterinburg|Novosibirsk|Kazan|Nizhny Novgorod|Perm|Samara|Voronezh|Krasnodar|Grozny|Riyadh|
Dakar|Belgrade|Novi Sad|Niš|Nis|Singapore|Bratislava|Ljubljana|Mogadishu|Johannesburg|
Cape Town|Pretoria|Seoul|Juba|Madrid|Barcelona|Colombo|Khartoum|Stockholm|Gothenburg|Göteborg|
Malmö|Malmo|Uppsala|Geneva|Genève|Zurich|Zürich|Bern|Berne|Lausanne|Damascus|Taipei|Dushanbe|
Khujand|Dar es Salaam|Bangkok|Tunis|Ankara|Istanbul|İstanbul|Izmir|Diyarbakır|Diyarbakir|
Ashgabat|Kampala|Kyiv|Kiev|Kharkiv|Kharkov|Lviv|Lvov|Odesa|Odessa|Dnipro|Dnipropetrovsk|
Donetsk|Luhansk|Lugansk|Zaporizhzhia|Zaporozhye|Vinnytsia|Vinnytsya|Vinnitsa|Kherson|Mykolaiv|
Poltava|Chernihiv|Chernivtsi|Sumy|Ivano-Frankivsk|Ternopil|Uzhhorod|Rivne|Lutsk|Zhytomyr|
Cherkasy|Kryvyi Rih|Krivoy Rog|Mariupol|Simferopol|Sevastopol|Kropyvnytskyi|Khmelnytskyi|
Abu Dhabi|Dubai|London|Manchester|Edinburgh|Glasgow|Oxford|Cambridge|Belfast|Cardiff|
Washington|Washington, D.C.|Washington DC|New York|New York City|Boston|Chicago|Los Angeles|
San Francisco|Montevideo|Tashkent|Samarkand|Nukus|Caracas|Hanoi|Ho Chi Minh City|Sanaa|Lusaka|
Harare|Strasbourg|The Hague|Aarhus|Odense|Tampere|Turku|Graz|Salzburg|Linz|Innsbruck|Gdynia|
Katowice|Szczecin|Toruń|Torun|Rzeszów|Rzeszow|Sukhumi|Tskhinvali|Stepanakert|Vanadzor|
Kyiv-Mohyla|Москва|Санкт-Петербург|Минск|Мінск|Київ|Киев|Харків|Львів|Одеса|Тбилиси|Баку|
Ереван|Вильнюс|Варшава|Алматы|Бишкек|Ташкент|Душанбе|Гродно|Гродна|Гомель|Гомель|Брест|Віцебск|
Витебск|Магілёў|Могилёв|
"""


def _fold_set(source: str) -> frozenset[str]:
    return frozenset(fold(part) for part in source.replace("\n", "").split("|") if part.strip())


@functools.cache
def _countries() -> frozenset[str]:
    return _fold_set(_COUNTRIES)


@functools.cache
def _cities() -> frozenset[str]:
    return _fold_set(_CITIES)


def is_country(text: str) -> bool:
    key = fold(text)
    return bool(key) and key in _countries()


def is_city(text: str) -> bool:
    key = fold(text)
    return bool(key) and key in _cities()


def canonical_country(text: str) -> str:
    """``text`` as typed, with a known country's usual capitals ("norway" → "Norway")."""
    stripped = text.strip()
    if stripped and stripped.islower() and is_country(stripped):
        small = {"and", "of", "the", "d'ivoire"}
        return " ".join(w if w in small else w[:1].upper() + w[1:] for w in stripped.split())
    return stripped
