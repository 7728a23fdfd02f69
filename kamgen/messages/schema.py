"""Messages for JSON Schema violations, in the words of the people filling the worksheets."""

MESSAGES = {
    "required": {
        "nl": "{field} ontbreekt; vul het in.",
        "en": "{field} is missing; fill it in.",
    },
    "type_number": {
        "nl": "{field} moet een getal zijn, maar is {found}; vul een getal in, zoals 7,5.",
        "en": "{field} must be a number, but is {found}; enter a number such as 7.5.",
    },
    "type_integer": {
        "nl": "{field} moet een geheel getal zijn, maar is {found}; vul een geheel getal in.",
        "en": "{field} must be a whole number, but is {found}; enter a whole number.",
    },
    "type_string": {
        "nl": "{field} moet tekst zijn, maar is {found}; zet de waarde tussen aanhalingstekens.",
        "en": "{field} must be text, but is {found}; put the value in quotes.",
    },
    "type_boolean": {
        "nl": "{field} moet ja of nee zijn, maar is {found}.",
        "en": "{field} must be yes or no, but is {found}.",
    },
    "type_object": {
        "nl": "{field} moet een groep velden zijn, maar is {found}; zie het schema voor de velden.",
        "en": "{field} must be a group of fields, but is {found}; see the schema for its fields.",
    },
    "type_array": {
        "nl": "{field} moet een lijst zijn, maar is {found}; zet elk item op een eigen regel met een streepje.",
        "en": "{field} must be a list, but is {found}; put each item on its own line starting with a dash.",
    },
    "minimum": {
        "nl": "{field} is {found}, maar moet minstens {limit} zijn.",
        "en": "{field} is {found}, but must be at least {limit}.",
    },
    "maximum": {
        "nl": "{field} is {found}, maar mag hoogstens {limit} zijn.",
        "en": "{field} is {found}, but must be at most {limit}.",
    },
    "enum": {
        "nl": "{field} is {found}; kies een van: {choices}.",
        "en": "{field} is {found}; choose one of: {choices}.",
    },
    "const": {
        "nl": "{field} is {found}, maar moet {expected} zijn.",
        "en": "{field} is {found}, but must be {expected}.",
    },
    "format_date": {
        "nl": "{field} is {found}, geen geldige datum; schrijf de datum als dd-mm-jjjj of jjjj-mm-dd.",
        "en": "{field} is {found}, not a valid date; write the date as dd-mm-yyyy or yyyy-mm-dd.",
    },
    "pattern": {
        "nl": "{field} is {found} en heeft niet de vorm {example}; pas de waarde aan.",
        "en": "{field} is {found} and does not have the form {example}; correct the value.",
    },
    "min_length": {
        "nl": "{field} is leeg; vul het in.",
        "en": "{field} is empty; fill it in.",
    },
    "max_length": {
        "nl": "{field} is {length} tekens lang; het mag hoogstens {limit} tekens zijn. Kort de tekst in.",
        "en": "{field} is {length} characters long; it may be at most {limit}. Shorten the text.",
    },
    "min_items": {
        "nl": "{field} heeft {count} items, maar moet er minstens {limit} hebben.",
        "en": "{field} has {count} items, but needs at least {limit}.",
    },
    "max_items": {
        "nl": "{field} heeft {count} items; er mogen er hoogstens {limit} zijn. Verwijder er {excess}.",
        "en": "{field} has {count} items; at most {limit} are allowed. Remove {excess}.",
    },
    "additional_property": {
        "nl": "Onbekend veld {name} in {field}; controleer de spelling (bekende velden: {known}).",
        "en": "Unknown field {name} in {field}; check the spelling (known fields: {known}).",
    },
    "property_name": {
        "nl": "{name} is geen geldige sleutel in {field}; gebruik een code zoals {example}.",
        "en": "{name} is not a valid key in {field}; use a code such as {example}.",
    },
    "other": {
        "nl": "{field} is ongeldig ({found}); controleer de waarde.",
        "en": "{field} is invalid ({found}); check the value.",
    },
    "root_not_object": {
        "nl": "Het bestand bevat geen groep velden maar {found}; begin met kamgen new om de opbouw te zien.",
        "en": "The file does not contain a group of fields but {found}; start from kamgen new to see the layout.",
    },
    "found_nothing": {"nl": "leeg", "en": "empty"},
    "found_text": {"nl": "de tekst {value}", "en": "the text {value}"},
    "found_list": {"nl": "een lijst", "en": "a list"},
    "found_group": {"nl": "een groep velden", "en": "a group of fields"},
    "document": {"nl": "het document", "en": "the document"},
    "item": {"nl": "{field} nr. {number}", "en": "{field} no. {number}"},
}
