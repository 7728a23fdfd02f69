"""Messages of the account method rules (worksheets 3, 11 and 12–30)."""

MESSAGES = {
    # Names of the things a message is about.
    "what_period": {"nl": "De periode van het plan", "en": "The plan period"},
    "what_opportunity": {"nl": "De businesskans", "en": "The business opportunity"},
    "what_project": {"nl": "Project {code}", "en": "Project {code}"},
    "what_activity": {"nl": "Activiteit {code}", "en": "Activity {code}"},
    "where_customer_findings": {"nl": "de klantanalyse (werkblad 15)", "en": "the customer analysis (worksheet 15)"},
    "where_internal_findings": {"nl": "de interne analyse (werkblad 16)", "en": "the internal analysis (worksheet 16)"},
    "where_opportunities": {"nl": "het scoringsformulier kansen (werkblad 17)", "en": "the scoring form for opportunities (worksheet 17)"},
    "where_threats": {"nl": "het scoringsformulier bedreigingen (werkblad 18)", "en": "the scoring form for threats (worksheet 18)"},
    "where_strengths": {"nl": "het scoringsformulier sterkten (werkblad 19)", "en": "the scoring form for strengths (worksheet 19)"},
    "where_weaknesses": {"nl": "het scoringsformulier zwakten (werkblad 20)", "en": "the scoring form for weaknesses (worksheet 20)"},
    "where_our_people": {"nl": "onze mensen in de relatiematrix (werkblad 12)", "en": "our people in the relationship matrix (worksheet 12)"},
    "where_participants": {"nl": "de deelnemers aan de brainwriting (werkblad 24)", "en": "the brainwriting participants (worksheet 24)"},
    "where_focus_points": {"nl": "de hoofdaandachtspunten (werkblad 23)", "en": "the main focus points (worksheet 23)"},
    "where_ideas": {"nl": "de ideeën van werkblad 24 en 25", "en": "the ideas of worksheets 24 and 25"},
    "where_criteria": {"nl": "de criteria van de keuzematrix (werkblad 26)", "en": "the criteria of the choice matrix (worksheet 26)"},
    "where_knockouts": {"nl": "de knock-outcriteria (werkblad 26)", "en": "the knock-out criteria (worksheet 26)"},
    "where_custom_angles": {"nl": "de eigen invalshoeken (werkblad 25)", "en": "the own angles (worksheet 25)"},
    "where_projects": {"nl": "de projecten (werkblad 27)", "en": "the projects (worksheet 27)"},
    "where_activities": {"nl": "de projectplanning (werkblad 28)", "en": "the project planning (worksheet 28)"},
    "where_goal_tree": {"nl": "de doelenboom (werkblad 30)", "en": "the goal tree (worksheet 30)"},
    "none_known": {"nl": "nog geen", "en": "none yet"},

    "qualification_opportunity": {"nl": "kans", "en": "opportunity"},
    "qualification_threat": {"nl": "bedreiging", "en": "threat"},
    "qualification_strength": {"nl": "sterkte", "en": "strength"},
    "qualification_weakness": {"nl": "zwakte", "en": "weakness"},
    "qualification_neutral": {"nl": "neutraal", "en": "neutral"},
    "segment_transactional": {"nl": "transactieklant", "en": "transactional customer"},
    "segment_development": {"nl": "ontwikkelklant", "en": "development customer"},
    "segment_large": {"nl": "grote klant", "en": "large customer"},
    "segment_strategic": {"nl": "key-account", "en": "key account"},
    "plan_key_account": {"nl": "accountplan", "en": "account plan"},
    "plan_development": {"nl": "ontwikkelplan", "en": "development plan"},
    "role_initiator": {"nl": "initiator", "en": "initiator"},
    "role_user": {"nl": "gebruiker", "en": "user"},
    "role_influencer": {"nl": "beïnvloeder", "en": "influencer"},
    "role_decider": {"nl": "beslisser", "en": "decider"},
    "role_buyer": {"nl": "inkoper", "en": "buyer"},
    "role_gatekeeper": {"nl": "poortwachter", "en": "gatekeeper"},
    "smart_measurable": {"nl": "een KPI met streefwaarde", "en": "a KPI with a target"},

    # Header.
    "date_order": {
        "nl": "{what} begint op {start} en eindigt op {end}; zet de begindatum op of vóór de einddatum.",
        "en": "{what} starts on {start} and ends on {end}; make the start date fall on or before the end date.",
    },
    "plan_type_segment": {
        "nl": "Dit is een {plan} voor een {segment}; kies het soort plan dat bij het segment past ({expected}) of controleer het segment.",
        "en": "This is a {plan} for a {segment}; choose the plan type that fits the segment ({expected}) or check the segment.",
    },
    "plan_type_transactional": {
        "nl": "Dit is een {plan} voor een transactieklant; transactieklanten krijgen in de methode geen eigen plan. Controleer het segment.",
        "en": "This is a {plan} for a transactional customer; the method gives transactional customers no plan of their own. Check the segment.",
    },
    "duplicate": {
        "nl": "'{value}' komt al eerder voor in {where}; geef elk item een eigen code of naam.",
        "en": "'{value}' already appears earlier in {where}; give every item its own code or name.",
    },

    # Worksheet 11.
    "developments_max": {
        "nl": "U noemt {count} ontwikkelingen; het ontwikkelplan vraagt de top {limit}. Houd de {limit} belangrijkste en schrap de andere {excess}.",
        "en": "You list {count} developments; the development plan asks for the top {limit}. Keep the {limit} most important and remove the other {excess}.",
    },
    "current_contacts_max": {
        "nl": "U noemt {count} huidige contacten; het ontwikkelplan vraagt de top {limit}. Houd de {limit} contacten om op voort te bouwen en schrap de andere {excess}.",
        "en": "You list {count} current contacts; the development plan asks for the top {limit}. Keep the {limit} contacts to build on and remove the other {excess}.",
    },
    "new_contacts_min": {
        "nl": "U noemt {count} nieuwe contacten in de DMU; het ontwikkelplan vraagt er minstens {limit}. Voeg wie u nog wilt bereiken toe, met gespreksthema's en UBR.",
        "en": "You list {count} new contacts in the DMU; the development plan asks for at least {limit}. Add whom else you want to reach, with conversation themes and UBR.",
    },

    # Worksheet 12.
    "unknown_person": {
        "nl": "Relatiesterkte met '{name}', maar die naam staat niet bij onze mensen ({known}); voeg '{name}' toe aan onze mensen of verbeter de naam.",
        "en": "Relationship strength with '{name}', but that name is not among our people ({known}); add '{name}' to our people or correct the name.",
    },
    "no_decider": {
        "nl": "Geen van de {count} contactpersonen heeft de DMU-rol beslisser; zoek uit wie de inkoopbeslissing neemt en voeg die persoon toe.",
        "en": "None of the {count} contacts holds the DMU role decider; find out who takes the buying decision and add that person.",
    },
    "role_uncovered": {
        "nl": "Niemand met de DMU-rol {role} ({holders}) heeft met ons een relatie van minstens {level} (redelijk); spreek af wie van ons die relatie opbouwt.",
        "en": "Nobody holding the DMU role {role} ({holders}) has a relationship of at least {level} (reasonable) with us; agree who on our side builds that relationship.",
    },

    # Worksheets 15 and 16.
    "finding_code_mismatch": {
        "nl": "De bevinding heeft code {code} maar is gekwalificeerd als {qualification}; een {letter}-code hoort bij een {expected}. Pas de code of de kwalificatie aan.",
        "en": "The finding has code {code} but is qualified as {qualification}; a {letter} code belongs to an {expected}. Correct the code or the qualification.",
    },
    "finding_neutral_code": {
        "nl": "De bevinding is neutraal maar heeft code {code}; alleen kansen, bedreigingen, sterkten en zwakten krijgen een code. Maak de code leeg of pas de kwalificatie aan.",
        "en": "The finding is neutral but has code {code}; only opportunities, threats, strengths and weaknesses get a code. Clear the code or change the qualification.",
    },
    "finding_not_scored": {
        "nl": "Bevinding {code} staat niet op {where}; neem {code} daar op met twee scores, of maak de code leeg als de bevinding niet meedoet.",
        "en": "Finding {code} is not on {where}; add {code} there with two ratings, or clear the code when the finding does not take part.",
    },
    "not_relevant": {
        "nl": "{code} is een {qualification}, maar telt volgens u niet mee in de inkoopcriteria van de klant; een {qualification} die de klant niet merkt, hoort niet in dit plan. Kwalificeer de bevinding als neutraal of licht toe waarom ze toch telt.",
        "en": "{code} is a {qualification}, but by your account does not count in the customer's buying criteria; a {qualification} the customer does not notice does not belong in this plan. Qualify the finding as neutral or explain why it counts after all.",
    },

    # Worksheets 17–20.
    "top_n_range": {
        "nl": "Het aantal items naar de SWOT is {value}; kies 3, 4 of 5.",
        "en": "The number of items going to the SWOT is {value}; choose 3, 4 or 5.",
    },
    "swot_choices_exceed": {
        "nl": "{count} items staan op 'wel in de SWOT' (in: {codes}), meer dan de {limit} die naar de SWOT gaan; de SWOT toont er hoogstens {maximum}. Zet de minst belangrijke terug op leeg of op 'niet in de SWOT' (out).",
        "en": "{count} items are marked 'in the SWOT' (in: {codes}), more than the {limit} that go to the SWOT; the SWOT shows at most {maximum}. Set the least important back to empty or to 'out of the SWOT' (out).",
    },

    # Worksheet 22.
    "confrontation_unknown_item": {
        "nl": "De confrontatiematrix scoort {code}, maar {code} staat niet in de SWOT (werkblad 21: {known}); scoor alleen items uit de SWOT of zet {code} op 'in' op het scoringsformulier.",
        "en": "The confrontation matrix scores {code}, but {code} is not in the SWOT (worksheet 21: {known}); score only SWOT items or mark {code} 'in' on its scoring form.",
    },

    "confrontation_duplicate_row": {
        "nl": "Beoordelaar {scorer} heeft al een rij voor {code}; alleen de eerste telt. Voeg de scores samen in één rij.",
        "en": "Scorer {scorer} already has a row for {code}; only the first counts. Merge the scores into one row.",
    },

    # Worksheet 23.
    "focus_point_cell_unknown": {
        "nl": "Broncel '{cell}' bestaat niet in de confrontatiematrix, want {missing} staat niet in de SWOT; kies een cel van de matrix (rijen {rows}; kolommen {columns}).",
        "en": "Source cell '{cell}' does not exist in the confrontation matrix, because {missing} is not in the SWOT; choose a cell of the matrix (rows {rows}; columns {columns}).",
    },
    "focus_point_count": {
        "nl": "U heeft {count} hoofdaandachtspunten; de methode vraagt er 3 tot 5. {fix}",
        "en": "You have {count} main focus points; the method asks for 3 to 5. {fix}",
    },
    "focus_point_count_low": {
        "nl": "Maak er meer van de hete cellen en clusters van de confrontatiematrix.",
        "en": "Make more of them from the hot cells and clusters of the confrontation matrix.",
    },
    "focus_point_count_high": {
        "nl": "Voeg punten met dezelfde interne factor samen of houd de hoogst scorende.",
        "en": "Merge points that share an internal item or keep the highest-scoring ones.",
    },
    "unknown_focus_point": {
        "nl": "'{code}' is geen hoofdaandachtspunt van werkblad 23 (bekend: {known}); gebruik de code van een bestaand HAP of voeg het HAP toe.",
        "en": "'{code}' is not a main focus point of worksheet 23 (known: {known}); use the code of an existing HAP or add the HAP.",
    },

    # Worksheets 24 and 25.
    "own_vote": {
        "nl": "{voter} gaf {points} punten aan een eigen idee; die tellen niet mee. Laat {voter} de punten aan een idee van een ander geven.",
        "en": "{voter} gave {points} points to their own idea; those do not count. Let {voter} give the points to someone else's idea.",
    },
    "unknown_voter": {
        "nl": "'{voter}' gaf punten, maar staat niet bij de deelnemers ({known}); voeg '{voter}' toe aan de deelnemers of verbeter de naam.",
        "en": "'{voter}' gave points, but is not among the participants ({known}); add '{voter}' to the participants or correct the name.",
    },
    "unknown_angle": {
        "nl": "Invalshoek '{angle}' is geen standaardinvalshoek en geen eigen invalshoek; gebruik een van {known}, of voeg '{angle}' toe bij de eigen invalshoeken.",
        "en": "Angle '{angle}' is neither a default angle nor an own angle; use one of {known}, or add '{angle}' to the own angles.",
    },

    # Worksheet 26.
    "weights_sum": {
        "nl": "De gewichten van de keuzematrix tellen op tot {total}; maak ze samen 100 (nu {difference}).",
        "en": "The weights of the choice matrix add up to {total}; make them 100 together (now {difference}).",
    },
    "weights_over": {"nl": "{amount} te veel", "en": "{amount} too many"},
    "weights_under": {"nl": "{amount} te weinig", "en": "{amount} too few"},
    "unknown_criterion": {
        "nl": "De optie heeft een score voor '{criterion}', maar dat is geen criterium van de keuzematrix ({known}); voeg het criterium toe of verbeter de sleutel.",
        "en": "The option has a rating for '{criterion}', but that is not a criterion of the choice matrix ({known}); add the criterion or correct the key.",
    },
    "unknown_knockout": {
        "nl": "De optie beantwoordt knock-outcriterium '{knockout}', maar dat staat niet bij de knock-outcriteria ({known}); voeg het toe of verbeter de sleutel.",
        "en": "The option answers knock-out criterion '{knockout}', which is not among the knock-out criteria ({known}); add it or correct the key.",
    },
    "score_missing": {
        "nl": "Optie '{option}' heeft geen score voor {criteria}; zonder die scores krijgt de optie geen totaal en geen plaats in de ranglijst. Vul een score van 1 tot 5 in.",
        "en": "Option '{option}' has no rating for {criteria}; without those ratings it gets no total and no place in the ranking. Enter a rating from 1 to 5.",
    },
    "unknown_idea": {
        "nl": "Optie {code} komt niet voor bij de ideeën van werkblad 24 en 25; gebruik de code van het idee op de shortlist.",
        "en": "Option {code} is not among the ideas of worksheets 24 and 25; use the code of the shortlisted idea.",
    },
    "chosen_knocked_out": {
        "nl": "Optie '{option}' is gekozen, maar voldoet niet aan {knockouts}; kies een andere optie of controleer het antwoord op de knock-out.",
        "en": "Option '{option}' is chosen, but does not meet {knockouts}; choose another option or check the knock-out answer.",
    },

    # Worksheet 27.
    "project_unknown_option": {
        "nl": "Project {code} noemt optie {option}, maar die staat niet in de keuzematrix ({known}); gebruik de code van de gekozen optie.",
        "en": "Project {code} names option {option}, which is not in the choice matrix ({known}); use the code of the chosen option.",
    },
    "project_not_measurable": {
        "nl": "Project {code} is niet meetbaar: {missing} ontbreekt. Vul de KPI en de streefwaarde in, zodat u weet wanneer het project geslaagd is.",
        "en": "Project {code} is not measurable: {missing} is missing. Fill in the KPI and its target, so you know when the project has succeeded.",
    },
    "project_not_time_bound": {
        "nl": "Project {code} is niet tijdgebonden: de einddatum ontbreekt. Vul de datum in waarop het project klaar is.",
        "en": "Project {code} is not time-bound: the end date is missing. Fill in the date by which the project is finished.",
    },
    "unknown_goal_node": {
        "nl": "Project {code} verwijst naar '{node}', maar dat knooppunt staat niet in de doelenboom (werkblad 30); gebruik de sleutel van een knooppunt.",
        "en": "Project {code} refers to '{node}', but there is no such node in the goal tree (worksheet 30); use the id of a node.",
    },
    "unknown_project": {
        "nl": "'{code}' is geen project van werkblad 27 (bekend: {known}); gebruik de code van een bestaand project of voeg het project toe.",
        "en": "'{code}' is not a project of worksheet 27 (known: {known}); use the code of an existing project or add the project.",
    },

    # Worksheet 28.
    "unknown_predecessor": {
        "nl": "Activiteit {code} heeft voorganger '{predecessor}', maar die activiteit bestaat niet; gebruik de code van een activiteit uit de planning.",
        "en": "Activity {code} has predecessor '{predecessor}', but there is no such activity; use the code of an activity in the planning.",
    },
    "activity_outside_project": {
        "nl": "Activiteit {code} loopt van {start} tot {end}, buiten de looptijd van project {project} ({project_start} tot {project_end}); verschuif de activiteit of pas de projectdata aan.",
        "en": "Activity {code} runs from {start} to {end}, outside project {project} ({project_start} to {project_end}); move the activity or change the project dates.",
    },
    "predecessor_overlap": {
        "nl": "Activiteit {code} begint op {start}, maar voorganger {predecessor} eindigt pas op {end}; laat {code} na {end} beginnen of pas de voorganger aan.",
        "en": "Activity {code} starts on {start}, but its predecessor {predecessor} only ends on {end}; start {code} after {end} or change the predecessor.",
    },
    "owner_overloaded": {
        "nl": "{owner} heeft in {month} {count} activiteiten tegelijk ({activities}), meer dan het maximum van {limit}; spreid de activiteiten of verdeel ze over meer mensen.",
        "en": "{owner} has {count} activities at once in {month} ({activities}), more than the maximum of {limit}; spread the activities or share them among more people.",
    },

    # Worksheet 29.
    "budget_year_range": {
        "nl": "Jaar {value} valt buiten de begroting; gebruik 0 (het startjaar) tot en met 5.",
        "en": "Year {value} is outside the budget; use 0 (the start year) up to and including 5.",
    },

    # Worksheet 30.
    "goal_no_root": {
        "nl": "De doelenboom heeft geen ambitie: elk knooppunt noemt een bovenliggend knooppunt. Laat het bovenliggende knooppunt van de ambitie leeg.",
        "en": "The goal tree has no ambition: every node names a parent. Leave the parent of the ambition empty.",
    },
    "goal_many_roots": {
        "nl": "De doelenboom heeft {count} knooppunten zonder bovenliggend knooppunt ({ids}), maar er is precies één ambitie; hang de andere onder een knooppunt.",
        "en": "The goal tree has {count} nodes without a parent ({ids}), but there is exactly one ambition; attach the others to a node.",
    },
    "goal_unknown_parent": {
        "nl": "Knooppunt {id} noemt bovenliggend knooppunt '{parent}', maar dat bestaat niet; gebruik de sleutel van een knooppunt uit de doelenboom.",
        "en": "Node {id} names parent '{parent}', which does not exist; use the id of a node in the goal tree.",
    },
    "goal_cycle": {
        "nl": "Knooppunt {id} ligt in een kring ({path}); een doel kan niet onder zichzelf hangen. Kies voor een van deze knooppunten een ander bovenliggend knooppunt.",
        "en": "Node {id} is part of a cycle ({path}); a goal cannot sit below itself. Choose another parent for one of these nodes.",
    },
    "goal_level": {
        "nl": "Knooppunt {id} heeft niveau {level}, maar zijn bovenliggende knooppunt {parent} heeft niveau {parent_level}; een kind ligt één niveau lager, dus maak het niveau {expected} of kies een ander bovenliggend knooppunt.",
        "en": "Node {id} has level {level}, but its parent {parent} has level {parent_level}; a child sits one level lower, so make the level {expected} or choose another parent.",
    },
    "goal_root_level": {
        "nl": "De ambitie {id} heeft niveau {level}; de top van de doelenboom heeft niveau 0. Maak het niveau 0.",
        "en": "The ambition {id} has level {level}; the top of the goal tree has level 0. Make the level 0.",
    },
    "goal_project_required": {
        "nl": "Knooppunt {id} staat op niveau 3 (project) maar noemt geen project; vul de code van het project van werkblad 27 in.",
        "en": "Node {id} is at level 3 (project) but names no project; fill in the code of the project on worksheet 27.",
    },
    "project_not_in_tree": {
        "nl": "Project {code} staat niet in de doelenboom; hang het als knooppunt op niveau 3 onder het subdoel waaraan het bijdraagt.",
        "en": "Project {code} is not in the goal tree; add it as a level-3 node below the sub-objective it contributes to.",
    },
    "objective_without_kpi": {
        "nl": "{kind} {id} heeft geen KPI; vul in waaraan u meet of het doel gehaald is.",
        "en": "{kind} {id} has no KPI; fill in what measures whether it has been achieved.",
    },
    "kind_objective": {"nl": "Doel", "en": "Objective"},
    "kind_sub_objective": {"nl": "Subdoel", "en": "Sub-objective"},
    "goal_without_children": {
        "nl": "Knooppunt {id} (niveau {level}) heeft niets eronder; vul aan hoe u het bereikt, met een knooppunt op niveau {below}.",
        "en": "Node {id} (level {level}) has nothing below it; add how you achieve it, with a node at level {below}.",
    },
}
