"""Messages of the portfolio rules and computations (worksheets 1, 2 and 4–10), and the labels they use.

A key matches the last part of the problem code (``weights_sum`` for
``portfolio.weights_sum``), except where one code has two wordings
(``score_missing`` and ``score_missing_banded``). Segment and axis
parameters arrive as labels, numbers already formatted for the language;
``kamgen.rules.portfolio.warning_message`` does that for computed warnings.
"""

MESSAGES = {
    # Labels used inside the messages below.
    "segment_transactional": {"nl": "transactieklant", "en": "transactional customer"},
    "segment_development": {"nl": "ontwikkelklant", "en": "development customer"},
    "segment_large": {"nl": "grote klant", "en": "large customer"},
    "segment_strategic": {"nl": "strategische klant", "en": "strategic customer"},
    "segments_transactional": {"nl": "transactieklanten", "en": "transactional customers"},
    "segments_development": {"nl": "ontwikkelklanten", "en": "development customers"},
    "segments_large": {"nl": "grote klanten", "en": "large customers"},
    "segments_strategic": {"nl": "strategische klanten", "en": "strategic customers"},
    "axis_current_value": {"nl": "huidige waarde", "en": "current value"},
    "axis_future_potential": {"nl": "toekomstpotentieel", "en": "future potential"},
    "urgency_high": {"nl": "hoog", "en": "high"},
    "urgency_medium": {"nl": "gemiddeld", "en": "medium"},
    "urgency_low": {"nl": "laag", "en": "low"},

    # Worksheet 9: the core strategy of a segment when the person leaves it empty.
    "default_core_strategy_transactional": {
        "nl": "Efficiënt verkopen tegen zo laag mogelijke kosten",
        "en": "Sell efficiently at the lowest possible cost",
    },
    "default_core_strategy_development": {
        "nl": "Uitbouwen: kennis, relatie en zaken met de klant laten groeien",
        "en": "Build out: grow the knowledge, the relationship and the business with the customer",
    },
    "default_core_strategy_large": {
        "nl": "De relatie behouden tegen lagere kosten van bediening",
        "en": "Keep the relationship at a lower cost to serve",
    },
    "default_core_strategy_strategic": {
        "nl": "Key-account management en samen met de klant innoveren",
        "en": "Key-account management and innovating together with the customer",
    },

    # Header.
    "period_order": {
        "nl": "De periode eindigt op {end}, vóór de begindatum {start}; zet de einddatum na de begindatum.",
        "en": "The period ends on {end}, before its start date {start}; make the end date later than the start date.",
    },

    # Worksheet 1.
    "driver_count": {
        "nl": "Het aantal marktontwikkelingen is {count}, terwijl de methode uitgaat van {minimum} tot {maximum}; voeg stellingen toe of laat er een paar vallen.",
        "en": "The number of market drivers is {count}, while the method works with {minimum} to {maximum}; add statements or drop a few.",
    },
    "driver_unrated": {
        "nl": "Stelling {code} heeft geen score en telt niet mee in het gemiddelde; geef met 1 tot 5 aan in welke mate ze opgaat.",
        "en": "Statement {code} has no rating and does not count in the mean; rate from 1 to 5 how far it applies.",
    },

    # Worksheet 4.
    "axis_without_criteria": {
        "nl": "Er is geen criterium voor {axis}; voeg er minstens één toe, bij voorkeur drie tot vijf.",
        "en": "There is no criterion for {axis}; add at least one, preferably three to five.",
    },
    "criteria_count": {
        "nl": "Het aantal criteria voor {axis} is {count}, terwijl de methode uitgaat van {minimum} tot {maximum} per as; breng het aantal binnen die grenzen.",
        "en": "The number of criteria for {axis} is {count}, while the method works with {minimum} to {maximum} per axis; bring the number within those limits.",
    },
    "duplicate_criterion_code": {
        "nl": "De code {code} is al gebruikt bij criterium {first}; geef elk criterium een eigen code.",
        "en": "The code {code} is already used by criterion {first}; give each criterion a code of its own.",
    },
    "bands_not_ascending": {
        "nl": "De grenzen van {code} ({bands}) lopen niet strikt op; zet ze van laag naar hoog, elke grens hoger dan de vorige.",
        "en": "The bands of {code} ({bands}) are not strictly ascending; order them from low to high, each boundary above the one before.",
    },
    "bands_missing": {
        "nl": "{code} wordt gescoord met grenzen, maar de vier grenzen ontbreken; vul ze in of kies de scoringswijze ankers.",
        "en": "{code} is scored with bands, but the four boundaries are missing; fill them in or choose the scoring method anchors.",
    },
    "bands_ignored": {
        "nl": "{code} heeft grenzen, maar de scoringswijze is ankers, dus kamgen gebruikt de grenzen niet; kies de scoringswijze bands of haal de grenzen weg.",
        "en": "{code} has bands, but its scoring method is anchors, so kamgen does not use the bands; choose the scoring method bands or remove the bands.",
    },

    # Worksheet 5.
    "weights_sum": {
        "nl": "De gewichten voor {axis} tellen op tot {total}; maak ze samen 100.",
        "en": "The weights for {axis} add up to {total}; make them add up to 100.",
    },
    "weight_missing": {
        "nl": "{code} ({name}) heeft geen gewicht, terwijl andere criteria voor {axis} er wel een hebben; het telt nu mee met gewicht 0. Vul een gewicht in.",
        "en": "{code} ({name}) has no weight, while other criteria for {axis} do; it now counts with weight 0. Fill in a weight.",
    },
    "equal_weights": {
        "nl": "Voor {axis} zijn geen gewichten ingevuld; kamgen geeft de {count} criteria elk {weight} punten. Vul gewichten in als de criteria niet even zwaar wegen.",
        "en": "No weights are given for {axis}; kamgen gives each of the {count} criteria {weight} points. Fill in weights if the criteria do not matter equally.",
    },
    "comparisons_ignored": {
        "nl": "Het aantal ingevulde paarsgewijze vergelijkingen is {count}, maar de wegingsmethode is direct, dus kamgen gebruikt ze niet; kies de methode pairwise om ze te gebruiken.",
        "en": "The number of pairwise comparisons filled in is {count}, but the weighting method is direct, so kamgen does not use them; choose the method pairwise to use them.",
    },
    "weights_ignored": {
        "nl": "De wegingsmethode is paarsgewijs, dus kamgen gebruikt de gewichten bij de criteria niet; kies de methode direct om ze te gebruiken.",
        "en": "The weighting method is pairwise, so kamgen does not use the weights given with the criteria; choose the method direct to use them.",
    },
    "comparison_unknown_criterion": {
        "nl": "De vergelijking noemt criterium {code}, dat niet bestaat; gebruik de code van een criterium van werkblad 4.",
        "en": "The comparison names criterion {code}, which does not exist; use the code of a criterion from worksheet 4.",
    },
    "comparison_same_criterion": {
        "nl": "De vergelijking zet {code} tegenover zichzelf; kies twee verschillende criteria.",
        "en": "The comparison sets {code} against itself; choose two different criteria.",
    },
    "comparison_other_axis": {
        "nl": "De vergelijking zet {first} ({first_axis}) tegenover {second} ({second_axis}); vergelijk alleen criteria op dezelfde as.",
        "en": "The comparison sets {first} ({first_axis}) against {second} ({second_axis}); compare only criteria on the same axis.",
    },
    "comparison_duplicate": {
        "nl": "Het paar {first}–{second} is al vergeleken in vergelijking {earlier}; kamgen telt alleen die eerste. Verwijder vergelijking {number}.",
        "en": "The pair {first}–{second} is already compared in comparison {earlier}; kamgen counts only that first one. Remove comparison {number}.",
    },
    "criterion_without_wins": {
        "nl": "{code} ({name}) wint geen enkele vergelijking en krijgt daardoor gewicht 0 voor {axis}; controleer of dat de bedoeling is.",
        "en": "{code} ({name}) wins no comparison and so gets weight 0 for {axis}; check that this is what you intend.",
    },
    "comparisons_missing": {
        "nl": "Voor {axis} ontbreken {count} vergelijkingen: {pairs}; vul ze aan, want een ontbrekend paar telt niet mee in de gewichten.",
        "en": "{count} comparisons are missing for {axis}: {pairs}; add them, because a missing pair does not count in the weights.",
    },

    # Worksheet 6 (and 2: the scores).
    "threshold_value_missing": {
        "nl": "De drempel voor {axis} gebruikt de methode value, maar de drempelwaarde ontbreekt; vul een waarde van 1 tot 5 in. Tot dan rekent kamgen met het schaalmidden {midpoint}.",
        "en": "The threshold for {axis} uses the method value, but the threshold value is missing; fill in a value from 1 to 5. Until then kamgen uses the scale midpoint {midpoint}.",
    },
    "threshold_value_ignored": {
        "nl": "De drempel voor {axis} heeft de waarde {threshold}, maar de methode is {method}, dus kamgen gebruikt die waarde niet; kies de methode value om haar te gebruiken.",
        "en": "The threshold for {axis} has the value {threshold}, but its method is {method}, so kamgen does not use the value; choose the method value to use it.",
    },
    "duplicate_customer_name": {
        "nl": "De klantnaam {name} komt al voor bij klant {first}; geef elke klant een eigen naam of voeg de regels samen.",
        "en": "The customer name {name} is already used by customer {first}; give each customer a name of its own or merge the rows.",
    },
    "unknown_criterion_score": {
        "nl": "{customer} heeft een score voor {code}, maar dat criterium bestaat niet; verwijder de score of voeg het criterium toe op werkblad 4.",
        "en": "{customer} has a score for {code}, but that criterion does not exist; remove the score or add the criterion on worksheet 4.",
    },
    "unknown_criterion_value": {
        "nl": "{customer} heeft een indicatorwaarde voor {code}, maar dat criterium bestaat niet; verwijder de waarde of voeg het criterium toe op werkblad 4.",
        "en": "{customer} has an indicator value for {code}, but that criterion does not exist; remove the value or add the criterion on worksheet 4.",
    },
    "score_missing": {
        "nl": "{customer} heeft geen score voor {code} ({criterion}); vul een score van 1 tot 5 in.",
        "en": "{customer} has no score for {code} ({criterion}); fill in a score from 1 to 5.",
    },
    "score_missing_banded": {
        "nl": "{customer} heeft geen score voor {code} ({criterion}); vul een score van 1 tot 5 of de indicatorwaarde in.",
        "en": "{customer} has no score for {code} ({criterion}); fill in a score from 1 to 5 or the indicator value.",
    },
    "value_for_anchors": {
        "nl": "{customer} heeft een indicatorwaarde voor {code}, maar dat criterium wordt met ankers gescoord; vul in plaats daarvan een score van 1 tot 5 in.",
        "en": "{customer} has an indicator value for {code}, but that criterion is scored with anchors; fill in a score from 1 to 5 instead.",
    },
    "score_value_conflict": {
        "nl": "{customer} heeft voor {code} de score {score}, maar de indicatorwaarde {value} levert volgens de grenzen een {band_score} op; kamgen gebruikt de ingevulde score. Haal een van beide weg of maak ze gelijk.",
        "en": "{customer} has the score {score} for {code}, but by the bands the indicator value {value} earns a {band_score}; kamgen uses the score. Remove one of them or make them agree.",
    },
    "manual_differs": {
        "nl": "{customer} is ingedeeld als {manual}, terwijl de scores wijzen op {computed}; de handmatige indeling geldt. Zorg dat de toelichting het besluit uitlegt.",
        "en": "{customer} is classified as a {manual}, while the scores point to a {computed}; the manual classification applies. Make sure the remark explains the decision.",
    },

    # Worksheet 8.
    "profit_total_not_positive": {
        "nl": "De totale winstbijdrage is {total}; winstaandelen per segment zijn dan zinloos en staan als n.v.t. in het rapport. Controleer de winstbijdrage per klant.",
        "en": "The total profit contribution is {total}; profit shares per segment then mean nothing and show as n/a in the report. Check the profit contribution per customer.",
    },
    "too_many_examples": {
        "nl": "Bij de {segment_plural} zijn {count} klanten als voorbeeld gemarkeerd; het rapport toont de {maximum} met de hoogste omzet. Markeer er hoogstens {maximum}.",
        "en": "{count} {segment_plural} are marked as examples; the report shows the {maximum} with the largest revenue. Mark at most {maximum}.",
    },

    # Worksheet 10.
    "visits_inverted": {
        "nl": "Bij {lower_plural} staan {lower_visits} bezoeken per klant per jaar gepland, meer dan bij {higher_plural} ({higher_visits}); geef waardevollere klanten minstens zoveel bezoeken.",
        "en": "The {lower_plural} get {lower_visits} visits per customer per year, more than {higher_plural} ({higher_visits}); give more valuable customers at least as many visits.",
    },
    "strategic_without_account_plan": {
        "nl": "Het bedieningsconcept voor strategische klanten voorziet niet in een accountplan; zet accountplan op ja, want elke key-account hoort een eigen accountplan te hebben.",
        "en": "The service concept for strategic customers has no account plan; set account plan to yes, because every key account should have an account plan of its own.",
    },
    "strategic_without_sponsor": {
        "nl": "Het bedieningsconcept voor strategische klanten heeft geen executive sponsor; zet executive sponsor op ja en wijs per key-account iemand uit de directie aan.",
        "en": "The service concept for strategic customers has no executive sponsor; set executive sponsor to yes and name a member of senior management for each key account.",
    },
}
