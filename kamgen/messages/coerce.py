"""Messages about values in JSON and YAML that kamgen converted while reading."""

MESSAGES = {
    "converted": {
        "nl": "{found} is gelezen als {result}; schrijf het zo in het bestand om twijfel te voorkomen.",
        "en": "{found} was read as {result}; write it that way in the file to avoid doubt.",
    },
    "ambiguous": {
        "nl": "{found} kan zowel duizendtallen als decimalen betekenen; schrijf {thousands} als u duizendtallen bedoelt, of {decimal} zonder aanhalingstekens als u een decimaal getal bedoelt.",
        "en": "{found} could mean thousands or decimals; write {thousands} if you mean thousands, or {decimal} without quotes if you mean a decimal number.",
    },
    "converted_date": {
        "nl": "De datum {found} is gelezen als {result}; schrijf datums als jjjj-mm-dd.",
        "en": "The date {found} was read as {result}; write dates as yyyy-mm-dd.",
    },
}
