"""Small tables the number extractor reads: currency signs and names, units of measure, bound words."""

from __future__ import annotations

# Signs written before (or after) an amount. A bare "$" is read as US dollars: the app reads news
# in English, where an unqualified dollar is nearly always the US one.
CURRENCY_SIGNS = {
    "$": "USD", "us$": "USD", "usd$": "USD", "u.s.$": "USD", "c$": "CAD", "cad$": "CAD", "ca$": "CAD",
    "a$": "AUD", "au$": "AUD", "aud$": "AUD", "nz$": "NZD", "nzd$": "NZD", "hk$": "HKD", "s$": "SGD",
    "r$": "BRL", "mex$": "MXN", "mxn$": "MXN", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "rs": "INR",
    "rs.": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₴": "UAH", "₦": "NGN", "₱": "PHP", "₪": "ILS",
    "₫": "VND", "฿": "THB", "₿": "BTC", "元": "CNY", "₡": "CRC", "₾": "GEL", "₭": "LAK", "zł": "PLN",
}
# ISO codes written as words ("USD 200", "200 EUR"); only upper-case tokens count, so "try" is a verb.
CURRENCY_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "RUB", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD",
    "BRL", "MXN", "KRW", "TRY", "UAH", "PLN", "SEK", "NOK", "DKK", "ZAR", "BTC", "NGN", "ILS",
}
# Currency names written after an amount ("323 million euros"); an adjective before some of them
# picks the country ("10 swiss francs", "us dollars").
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "kuai": "CNY", "rupee": "INR",
    "rupees": "INR", "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB",
    "franc": "CHF", "francs": "CHF", "peso": "MXN", "pesos": "MXN", "real": "BRL", "reais": "BRL",
    "lira": "TRY", "liras": "TRY", "hryvnia": "UAH", "hryvnias": "UAH", "zloty": "PLN", "zlotys": "PLN",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK", "rand": "ZAR", "naira": "NGN",
    "shekel": "ILS", "shekels": "ILS", "bitcoin": "BTC", "bitcoins": "BTC", "sterling": "GBP",
    "peseta": "ESP", "pesetas": "ESP", "guilder": "NLG", "guilders": "NLG", "markka": "FIM",
    "markkaa": "FIM", "dinar": "DZD", "dinars": "DZD", "riyal": "SAR", "riyals": "SAR", "dirham": "AED",
    "dirhams": "AED", "ringgit": "MYR", "baht": "THB", "rupiah": "IDR",
    "pence": "GBP", "cent": "USD", "cents": "USD", "usd": "USD", "eur": "EUR", "gbp": "GBP",
}
# Fractions of the main unit: "50 cents" is 0.50 of the currency.
CURRENCY_FRACTIONS = {"cent": 0.01, "cents": 0.01, "pence": 0.01, "penny": 0.01}
# Country adjectives that change which dollar (or franc, pound) is meant.
CURRENCY_COUNTRIES = {
    ("us", "dollar"): "USD", ("u.s.", "dollar"): "USD", ("american", "dollar"): "USD",
    ("canadian", "dollar"): "CAD", ("australian", "dollar"): "AUD", ("kong", "dollar"): "HKD",
    ("singapore", "dollar"): "SGD", ("zealand", "dollar"): "NZD", ("taiwan", "dollar"): "TWD",
    ("swiss", "franc"): "CHF", ("french", "franc"): "FRF", ("british", "pound"): "GBP",
    ("egyptian", "pound"): "EGP", ("chinese", "yuan"): "CNY", ("japanese", "yen"): "JPY",
    ("indian", "rupee"): "INR", ("russian", "ruble"): "RUB", ("turkish", "lira"): "TRY",
    ("mexican", "peso"): "MXN", ("philippine", "peso"): "PHP", ("african", "rand"): "ZAR",
}
# A letter before "$" names whose dollar it is ("C$", "HK $" in tokenized wire copy).
DOLLAR_PREFIXES = {"c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "hk": "HKD", "nz": "NZD", "s": "SGD",
                   "us": "USD", "u.s.": "USD", "r": "BRL", "mex": "MXN", "nt": "TWD"}
# "pounds" is money only next to a sign of it; otherwise it is a weight.
POUND_MONEY_NEIGHBOURS = {"sterling", "british"}

PERCENT_WORDS = {"%", "percent", "pct", "per cent", "percentage points", "percentage point", "‰"}

# Units of measure: a number that counts one of these is a quantity, not a count.
MEASURE_UNITS = {
    # length, area, volume
    "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "m", "metre", "metres", "meter",
    "meters", "cm", "centimetre", "centimetres", "centimeter", "centimeters", "mm", "millimetre",
    "millimetres", "millimeter", "millimeters", "mile", "miles", "mi", "foot", "feet", "ft", "inch",
    "inches", "yard", "yards", "nautical", "light-year", "light-years", "parsec", "parsecs", "acre",
    "acres", "hectare", "hectares", "ha", "sq", "square", "km2", "m2", "litre", "litres", "liter",
    "liters", "l", "ml", "cl", "dl", "centilitre", "centilitres", "millilitres", "milliliters", "gallon", "gallons", "barrel", "barrels", "bbl",
    "cubic",
    # weight, energy, power, speed, data, temperature
    "kg", "kilogram", "kilograms", "kilo", "kilos", "g", "gram", "grams", "mg", "milligram",
    "milligrams", "microgram", "micrograms", "μg", "mcg", "tonne", "tonnes", "ton", "tons", "t", "pound", "pounds", "lb", "lbs", "ounce", "ounces",
    "oz", "calorie", "calories", "kcal", "joule", "joules", "kwh", "mwh", "gwh", "twh", "watt", "watts",
    "kw", "mw", "gw", "kilowatt", "kilowatts", "megawatt", "megawatts", "gigawatt", "gigawatts",
    "kilowatt-hours", "megawatt-hours", "volt", "volts", "hp", "horsepower", "bhp", "ps", "nm", "lb-ft", "mph", "kph", "km/h", "knot", "knots", "hz", "khz", "mhz",
    "ghz", "byte", "bytes", "kb", "mb", "gb", "tb", "pb", "bit", "bits", "degree", "degrees", "°",
    "°c", "°f", "celsius", "fahrenheit", "kelvin", "kmph", "km/hr", "rad", "tbsp", "tsp", "cup", "cups",
    "teaspoon", "teaspoons", "tablespoon", "tablespoons",
    # time spans
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "decade", "decades", "century", "centuries", "millennia", "millennium",
}
# Single letters that are units only when written against the digits: "40C", "104F".
GLUED_ONLY_UNITS = {"c", "f"}
TIME_UNITS = {
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
    "months", "year", "years", "decade", "decades", "century", "centuries", "yr", "yrs", "hrs", "mins",
}

# Words before a number that bound it, longest first within each bound. Read as lower-case token runs.
BOUND_PHRASES: dict[tuple[str, ...], str] = {}
for _phrase, _bound in (
    ("about", "about"), ("around", "about"), ("roughly", "about"), ("nearly", "about"),
    ("almost", "about"), ("approximately", "about"), ("approx.", "about"), ("some", "about"),
    ("circa", "about"), ("ca.", "about"), ("an estimated", "about"), ("estimated", "about"),
    ("close to", "about"), ("as many as", "at_most"), ("as much as", "at_most"), ("as few as", "at_least"),
    ("more than", "at_least"), ("over", "at_least"), ("at least", "at_least"), ("upwards of", "at_least"),
    ("upward of", "at_least"), ("in excess of", "at_least"), ("greater than", "at_least"),
    ("larger than", "at_least"), ("higher than", "at_least"), ("above", "at_least"),
    ("exceeding", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"),
    ("a minimum of", "at_least"), ("minimum of", "at_least"), ("well over", "at_least"),
    ("just over", "at_least"), ("beyond", "at_least"),
    ("less than", "at_most"), ("fewer than", "at_most"), ("under", "at_most"), ("up to", "at_most"),
    ("at most", "at_most"), ("no more than", "at_most"), ("not more than", "at_most"),
    ("below", "at_most"), ("lower than", "at_most"), ("a maximum of", "at_most"),
    ("maximum of", "at_most"), ("just under", "at_most"), ("smaller than", "at_most"),
    ("less than or equal to", "at_most"), ("fewer than or equal to", "at_most"),
    ("smaller or equal than", "at_most"), ("lower or equal than", "at_most"), ("less or equal than", "at_most"),
    ("greater than or equal to", "at_least"), ("more than or equal to", "at_least"),
    ("at least or equal to", "at_least"), ("bigger or equal than", "at_least"),
    ("higher or equal than", "at_least"), ("larger or equal than", "at_least"), ("greater or equal than", "at_least"),
    (">", "at_least"), (">=", "at_least"), ("≥", "at_least"), ("> =", "at_least"), ("<", "at_most"), ("<=", "at_most"),
    ("≤", "at_most"), ("< =", "at_most"),
):
    BOUND_PHRASES[tuple(_phrase.split())] = _bound
# Words after a number that bound it: "5,000 or more", "300-plus".
BOUND_AFTER = {("or", "more"): "at_least", ("or", "so"): "about", ("or", "fewer"): "at_most",
               ("or", "less"): "at_most", ("-", "plus"): "at_least",
               ("or", "greater"): "at_least", ("or", "higher"): "at_least", ("or", "above"): "at_least",
               ("and", "more"): "at_least", ("and", "above"): "at_least", ("or", "lower"): "at_most",
               ("or", "below"): "at_most"}
LONGEST_BOUND = max(len(p) for p in BOUND_PHRASES)
# Verbs whose object is a lower bound ("wait times exceeded two hours") and nouns whose "of" names a
# limit ("a maximum value of $2.6bn").
AT_LEAST_VERBS = {"exceed", "top", "surpass"}
LIMIT_NOUNS = {"maximum": "at_most", "max": "at_most", "cap": "at_most", "ceiling": "at_most",
               "minimum": "at_least", "floor": "at_least"}

# Verbs of change: "rose from 5% to 10%" gives two numbers, not a range.
CHANGE_VERBS = {
    "rise", "fall", "increase", "decrease", "grow", "drop", "climb", "jump", "cut", "raise", "reduce",
    "decline", "go", "move", "expand", "shrink", "slip", "soar", "plunge", "lower", "boost", "change",
    "push", "bring", "double", "triple", "swell", "slash", "sink", "tumble", "surge", "improve", "widen",
    "narrow", "lift", "hike", "trim", "shift", "switch", "revise", "upgrade", "downgrade", "accelerate",
}

# Nouns whose plural looks singular: "270 aircraft" counts aircraft.
INVARIANT_PLURALS = {
    "aircraft", "spacecraft", "sheep", "fish", "deer", "personnel", "staff", "police", "cattle", "livestock",
    "series", "species", "offspring", "crew", "militia", "infantry", "artillery", "head", "moose", "bison",
    "salmon", "swine", "poultry", "clergy", "faculty", "hovercraft", "watercraft", "data",
}

# Words that make the digits after them a date or a name rather than an amount.
MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun", "jun.",
    "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov", "nov.", "dec",
    "dec.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
CLOCK_WORDS = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m", "gmt", "utc", "o'clock", "bst", "est", "edt",
               "pst", "pdt", "cet"}
# Named-entity labels whose numbers are part of a name ("Article 5", "F-35", "Apollo 11").
NAME_LABELS = {"LAW", "PRODUCT", "WORK_OF_ART", "FAC", "ORG", "EVENT", "PERSON", "GPE", "NORP", "LOC"}
