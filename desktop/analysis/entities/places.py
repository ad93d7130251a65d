"""A short table of countries, capitals, large cities, regions and sky bodies, for fixing the small model's kinds.

spaCy's small English model often tags a capital as a person ("Kyiv") or an organisation ("Minsk");
a table of the few hundred names that news mentions most is cheaper and steadier than any context rule.
Only used to correct the kind of a mention the model already found, never to find new mentions.
"""

from __future__ import annotations

COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahamas
    Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei
    Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba Cyprus
    Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland France
    Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guinea Guyana Haiti Honduras Hungary
    Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kiribati
    Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg
    Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco
    Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nauru Nepal Netherlands Nicaragua Niger
    Nigeria Norway Oman Pakistan Palau Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar
    Romania Russia Rwanda Samoa Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain
    Sudan Suriname Sweden Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey
    Turkmenistan Tuvalu Uganda Ukraine Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe
    Britain England Scotland Wales Crimea Donbas Gaza Tibet Kashmir Greenland Chechnya Catalonia""".split()  # noqa: SIM905
) | frozenset(
    (
        "United States", "United Kingdom", "United Arab Emirates", "Saudi Arabia", "South Africa",
        "North Korea", "South Korea", "New Zealand", "Sri Lanka", "Costa Rica", "El Salvador",
        "Czech Republic", "Dominican Republic", "Ivory Coast", "Burkina Faso", "Sierra Leone",
        "South Sudan", "Papua New Guinea", "North Macedonia", "Northern Ireland", "Hong Kong",
        "West Bank", "Gaza Strip", "Great Britain", "Puerto Rico", "Equatorial Guinea",
        "US", "USA", "U.S.", "UK", "U.K.", "UAE", "DRC",
    )
)  # fmt: skip

CITIES = frozenset(
    """Kabul Tirana Algiers Luanda Yerevan Canberra Vienna Baku Manama Dhaka Minsk Brussels Sarajevo
    Brasilia Sofia Ottawa Santiago Beijing Bogota Havana Nicosia Prague Copenhagen Cairo Tallinn
    Helsinki Paris Tbilisi Berlin Accra Athens Budapest Reykjavik Delhi Jakarta Tehran Baghdad Dublin
    Jerusalem Rome Tokyo Amman Astana Nairobi Pristina Bishkek Vientiane Riga Beirut Tripoli Vilnius
    Valletta Chisinau Ulaanbaatar Podgorica Rabat Maputo Windhoek Kathmandu Amsterdam
    Managua Niamey Abuja Pyongyang Skopje Oslo Muscat Islamabad Lima Manila Warsaw Lisbon Doha
    Bucharest Moscow Kigali Riyadh Dakar Belgrade Bratislava Ljubljana Mogadishu Pretoria Seoul Juba
    Madrid Colombo Khartoum Stockholm Bern Damascus Taipei Dushanbe Bangkok Tunis Ankara Ashgabat
    Kampala Kyiv Kiev Montevideo Tashkent Caracas Hanoi Sanaa Lusaka Harare London Washington
    Shanghai Mumbai Karachi Istanbul Lagos Dubai Sydney Melbourne Toronto Montreal Vancouver Chicago
    Houston Boston Seattle Atlanta Miami Dallas Philadelphia Detroit Geneva Zurich Munich Frankfurt
    Hamburg Milan Naples Barcelona Marseille Lyon Kharkiv Odesa Odessa Mariupol Lviv Donetsk Luhansk
    Sevastopol Petersburg Shenzhen Guangzhou Wuhan Osaka Kolkata Chennai Bangalore Johannesburg
    Brussels Strasbourg Luxembourg Brisbane Auckland Kandahar Mosul Aleppo Homs Basra""".split()  # noqa: SIM905
) | frozenset(
    (
        "New York", "Los Angeles", "San Francisco", "Hong Kong", "Mexico City", "Buenos Aires",
        "Rio de Janeiro", "Sao Paulo", "New Delhi", "Kuala Lumpur", "Tel Aviv", "St. Petersburg",
        "Abu Dhabi", "Addis Ababa", "Cape Town", "Washington DC", "Washington, D.C.",
    )
)  # fmt: skip

REGIONS = frozenset(
    (
        "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware",
        "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana",
        "Maine", "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri",
        "Montana", "Nebraska", "Nevada", "New Hampshire", "New Jersey", "New Mexico", "North Carolina",
        "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island", "South Carolina",
        "South Dakota", "Tennessee", "Texas", "Utah", "Vermont", "Virginia", "West Virginia",
        "Wisconsin", "Wyoming", "Ontario", "Quebec", "Alberta", "Manitoba", "Saskatchewan",
        "British Columbia", "Nova Scotia", "Queensland", "Victoria", "Tasmania", "Europe", "Asia",
        "Africa", "Antarctica", "Arctic", "Middle East", "Latin America", "North America",
        "South America", "Eastern Europe", "Western Europe", "Central Asia", "Balkans", "Caucasus",
    )
)  # fmt: skip

SKY_BODIES = frozenset(
    """Moon Sun Earth Mercury Mars Venus Jupiter Saturn Uranus Neptune Pluto Ceres Titan Ganymede Europa Io
    Callisto Enceladus Triton Charon Phobos Deimos""".split()  # noqa: SIM905
) | frozenset(("Solar System", "Milky Way"))

PLACE_NAMES = COUNTRIES | CITIES | REGIONS | SKY_BODIES


def is_known_place(name: str) -> bool:
    return name in PLACE_NAMES
