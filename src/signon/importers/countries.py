"""Known countries and cities: enough to tell "(Poland)" from "(IPHR)" after a name.

A list only has to answer one question: is the trailing part of a printed name
a place?  It never has to be complete: an unknown place stays part of the name
(as printed), which is the safe failure.  Countries come from one source, ICU's
CLDR names in the languages signon's users write in (``countries_data``, generated
by ``scripts/build_countries.py``), with the region code that makes "Polska" and
"Poland" one country; ``_OTHER_NAMES`` adds what letters print and CLDR does not
have (old names, abbreviations, places that sign as places).  Cities: capitals and
the cities that appear in the letters of this kind; "Name, City, Country" needs no
city list at all (a known country is enough).
"""

from __future__ import annotations

import functools

from signon.text import fold

# Names letters use that CLDR lacks, with their region code; "" for places that are no
# country of their own (compared by name).
_OTHER_NAMES = {
    "The Bahamas": "BS", "The Gambia": "GM", "The Netherlands": "NL", "Holland": "NL",
    "The Philippines": "PH", "BiH": "BA", "Burma": "MM", "Republic of the Congo": "CG",
    "Democratic Republic of the Congo": "CD", "Democratic Republic of Congo": "CD",
    "DR Congo": "CD", "DRC": "CD", "Cote d'Ivoire": "CI", "Ivory Coast": "CI",
    "Czech Republic": "CZ", "Česká republika": "CZ", "East Timor": "TL", "Swaziland": "SZ",
    "Hong Kong": "HK", "Kyrgyz Republic": "KG", "Republic of Moldova": "MD",
    "Macedonia": "MK", "Palestine": "PS", "State of Palestine": "PS",
    "Russian Federation": "RU", "Российская Федерация": "RU", "Saint Kitts and Nevis": "KN",
    "Saint Vincent and the Grenadines": "VC", "Sao Tome and Principe": "ST",
    "Slovak Republic": "SK", "Korea": "KR", "Republic of Korea": "KR", "Turkey": "TR",
    "UAE": "AE", "UK": "GB", "U.K.": "GB", "Great Britain": "GB", "Britain": "GB",
    "United States of America": "US", "U.S.A.": "US", "US": "US", "U.S.": "US",
    "Vatican": "VA", "Holy See": "VA", "Viet Nam": "VN", "Shqipëria": "AL",
    "Sakartvelo": "GE", "Белоруссия": "BY", "Рэспубліка Беларусь": "BY", "Ўзбекистон": "UZ",
    "England": "", "Scotland": "", "Wales": "", "Northern Ireland": "", "Somaliland": "",
    "Tibet": "", "Transnistria": "", "Abkhazia": "", "South Ossetia": "", "Crimea": "",
    "Chechnya": "", "Nagorno-Karabakh": "", "Kurdistan": "", "Middle East": "",
    "South Caucasus": "", "Caucasus": "", "Balkans": "", "Scandinavia": "",
}

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


@functools.cache
def country_names() -> dict[str, str]:
    """Every known country's printed name → its region code ("" when it has none),
    English names first."""
    from signon.importers.countries_data import NAMES

    out = {name: code for name, code in NAMES.items()
           # a two- or three-letter word ("Man", "Tai") is a country only in capitals
           if len(name) > 3 or name.isupper()}
    for name, code in _OTHER_NAMES.items():
        out.setdefault(name, code)
    return out


def city_names() -> list[str]:
    return [part.strip() for part in _CITIES.replace("\n", "").split("|") if part.strip()]


@functools.cache
def _countries() -> frozenset[str]:
    return frozenset(fold(name) for name in country_names())


@functools.cache
def _cities() -> frozenset[str]:
    return frozenset(fold(name) for name in city_names())


def is_country(text: str) -> bool:
    key = fold(text)
    return bool(key) and key in _countries()


def is_city(text: str) -> bool:
    key = fold(text)
    return bool(key) and key in _cities()


def is_place(text: str) -> bool:
    """A country or a city ("Norway", "Kyiv"): what follows a name, never a name itself."""
    key = fold(text)
    return bool(key) and (key in _countries() or key in _cities())


def canonical_country(text: str) -> str:
    """``text`` as typed, with a known country's usual capitals ("norway" → "Norway")."""
    stripped = text.strip()
    if stripped and stripped.islower() and is_country(stripped):
        small = {"and", "of", "the", "d'ivoire"}
        return " ".join(w if w in small else w[:1].upper() + w[1:] for w in stripped.split())
    return stripped
