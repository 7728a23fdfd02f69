"""Texts of the account input workbook (worksheets 3 and 11–30): headings, column titles, help and sheet introductions."""

MESSAGES = {
    # Start sheet.
    "step_header": {
        "nl": "Vul hieronder de algemene gegevens in: klant, accountmanager, periode, segment en soort plan.",
        "en": "Fill in the general details below: customer, account manager, period, segment and plan type.",
    },
    "step_order": {
        "nl": "Werk de bladen in volgorde af: 3 en 12–14 (analyse), 15–20 (bevindingen en scores), 21–23 (SWOT en HAP's), 24–26 (ideeën en keuze), 27–30 (projecten, planning, begroting en doelen). Voor een ontwikkelklant volstaan de bladen 3, 11 en 12.",
        "en": "Work through the sheets in order: 3 and 12–14 (analysis), 15–20 (findings and scores), 21–23 (SWOT and HAPs), 24–26 (ideas and choice), 27–30 (projects, planning, budget and goals). For a development customer, sheets 3, 11 and 12 are enough.",
    },
    "help_customer": {"nl": "De volledige naam van de klantorganisatie.", "en": "The full name of the customer organisation."},
    "help_period": {"nl": "Meestal het boekjaar, bijvoorbeeld 01-01-2026 tot en met 31-12-2026.", "en": "Usually the financial year, for example 01-01-2026 to 31-12-2026."},
    "help_plan_type": {"nl": "Accountplan voor een key-account, ontwikkelplan voor een ontwikkelklant.", "en": "Account plan for a key account, development plan for a development customer."},
    "plan_key_account": {"nl": "Accountplan", "en": "Account plan"},
    "plan_development": {"nl": "Ontwikkelplan", "en": "Development plan"},
    "portfolio_file": {"nl": "Klantportfolio: bestand", "en": "Customer portfolio: file"},
    "portfolio_organisation": {"nl": "Klantportfolio: organisatie", "en": "Customer portfolio: organisation"},

    # Shared column titles and labels.
    "remark": {"nl": "Toelichting", "en": "Remark"},
    "score": {"nl": "Score", "en": "Score"},
    "rank": {"nl": "Rang", "en": "Rank"},
    "priority": {"nl": "Prioriteit", "en": "Priority"},
    "points": {"nl": "Punten", "en": "Points"},
    "year": {"nl": "Jaar", "en": "Year"},
    "costs": {"nl": "Kosten", "en": "Costs"},
    "benefits": {"nl": "Opbrengsten", "en": "Benefits"},
    "net": {"nl": "Netto", "en": "Net"},
    "cumulative": {"nl": "Cumulatief", "en": "Cumulative"},
    "roi": {"nl": "Rendement (ROI)", "en": "ROI"},
    "slot_unused_label": {"nl": "(kolom {number} is vrij)", "en": "(column {number} is free)"},
    "helper_number": {"nl": "Codenummer", "en": "Code number"},
    "helper_key": {"nl": "Sorteersleutel", "en": "Sort key"},
    "helper_marked_in": {"nl": "Op 'wel' gezet", "en": "Marked in"},
    "helper_free": {"nl": "Zonder keuze", "en": "No choice"},
    "helper_selected": {"nl": "Gekozen", "en": "Selected"},
    "helper_position": {"nl": "Plaats in de SWOT", "en": "Place in the SWOT"},
    "helper_scorer": {"nl": "Beoordelaar (teller)", "en": "Scorer (count)"},
    "helper_rolled": {"nl": "Voortgang niveau {level}", "en": "Progress level {level}"},
    "slot_unused_person": {
        "nl": "{field} bevat {found}, maar boven deze kolom staat geen medewerker; vul de naam in bij onze mensen of maak de cel leeg.",
        "en": "{field} contains {found}, but no person heads this column; fill in the name among our people or clear the cell.",
    },
    "slot_unused_participant": {
        "nl": "{field} bevat {found}, maar boven deze kolom staat geen deelnemer; vul de naam in bij de deelnemers of maak de cel leeg.",
        "en": "{field} contains {found}, but no participant heads this column; fill in the name among the participants or clear the cell.",
    },
    "slot_unused_criterion": {
        "nl": "{field} bevat {found}, maar boven deze kolom staat geen criterium; kies het criterium in de tabel met criteria of maak de cel leeg.",
        "en": "{field} contains {found}, but no criterion heads this column; choose the criterion in the criteria table or clear the cell.",
    },
    "slot_unused_knockout": {
        "nl": "{field} bevat {found}, maar boven deze kolom staat geen knock-outcriterium; vul het in bij de knock-outcriteria of maak de cel leeg.",
        "en": "{field} contains {found}, but no knock-out criterion heads this column; fill it in among the knock-out criteria or clear the cell.",
    },
    "custom_angle": {"nl": "Eigen invalshoek {number}", "en": "Own angle {number}"},
    "custom_criterion": {"nl": "Eigen criterium {number}", "en": "Own criterion {number}"},

    # Item names in problem messages: "Naam van contactpersoon 3".
    "item_development": {"nl": "ontwikkeling", "en": "development"},
    "item_contact": {"nl": "contactpersoon", "en": "contact"},
    "item_person": {"nl": "medewerker", "en": "person"},
    "item_group": {"nl": "groep", "en": "group"},
    "item_finding": {"nl": "bevinding", "en": "finding"},
    "item_opportunities": {"nl": "kans", "en": "opportunity"},
    "item_threats": {"nl": "bedreiging", "en": "threat"},
    "item_strengths": {"nl": "sterkte", "en": "strength"},
    "item_weaknesses": {"nl": "zwakte", "en": "weakness"},
    "item_row": {"nl": "rij", "en": "row"},
    "item_focus_point": {"nl": "HAP", "en": "HAP"},
    "item_participant": {"nl": "deelnemer", "en": "participant"},
    "item_session": {"nl": "formulier", "en": "form"},
    "item_idea": {"nl": "idee", "en": "idea"},
    "item_angle": {"nl": "invalshoek", "en": "angle"},
    "item_criterion": {"nl": "criterium", "en": "criterion"},
    "item_knockout": {"nl": "knock-outcriterium", "en": "knock-out criterion"},
    "item_option": {"nl": "optie", "en": "option"},
    "item_project": {"nl": "project", "en": "project"},
    "item_activity": {"nl": "activiteit", "en": "activity"},
    "item_budget_line": {"nl": "begrotingsregel", "en": "budget line"},
    "item_node": {"nl": "knooppunt", "en": "node"},

    # Worksheet 3.
    "ws03_intro": {
        "nl": "Geef bij elke stelling aan in hoeverre u het ermee eens bent, van 1 (helemaal niet) tot 5 (helemaal). De gemiddelden rekent het blad zelf uit.",
        "en": "Rate how far you agree with each statement, from 1 (not at all) to 5 (completely). The sheet works out the means itself.",
    },
    "statement": {"nl": "Stelling", "en": "Statement"},
    "level": {"nl": "Niveau", "en": "Level"},
    "rating": {"nl": "Score (1–5)", "en": "Rating (1–5)"},
    "help_agreement": {"nl": "1 = helemaal niet mee eens, 5 = helemaal mee eens.", "en": "1 = strongly disagree, 5 = strongly agree."},
    "mean_strategic": {"nl": "Gemiddelde strategisch niveau", "en": "Mean, strategic level"},
    "mean_functional": {"nl": "Gemiddelde functioneel niveau", "en": "Mean, functional level"},
    "mean_organisational": {"nl": "Gemiddelde organisatorisch niveau", "en": "Mean, organisational level"},
    "mean_overall": {"nl": "Gemiddelde van alle stellingen", "en": "Mean of all statements"},
    "statements_applying": {"nl": "Stellingen met een {minimum} of hoger", "en": "Statements rated {minimum} or higher"},
    "lowest_level": {"nl": "Zwakste niveau", "en": "Weakest level"},

    # Worksheet 11.
    "ws11_intro": {
        "nl": "Het plan voor een ontwikkelklant: de vijf belangrijkste ontwikkelingen, de drie contacten om op voort te bouwen, minstens twee nieuwe contacten en de businesskans.",
        "en": "The plan for a development customer: the five most important developments, the three contacts to build on, at least two new contacts and the business opportunity.",
    },
    "heading_developments": {"nl": "Relevante ontwikkelingen bij de klant (top 5)", "en": "Relevant developments at the customer (top 5)"},
    "heading_current_contacts": {"nl": "Huidige contacten om op voort te bouwen (top 3)", "en": "Current contacts to build on (top 3)"},
    "heading_new_contacts": {"nl": "Nieuwe contacten in de DMU (minstens 2)", "en": "New contacts in the DMU (at least 2)"},
    "heading_opportunity": {"nl": "Businesskans en periode", "en": "Business opportunity and period"},
    "heading_checks": {"nl": "Controle", "en": "Check"},
    "count_developments": {"nl": "Aantal ontwikkelingen (hoogstens 5)", "en": "Number of developments (at most 5)"},
    "count_current_contacts": {"nl": "Aantal huidige contacten (hoogstens 3)", "en": "Number of current contacts (at most 3)"},
    "count_new_contacts": {"nl": "Aantal nieuwe contacten (minstens 2)", "en": "Number of new contacts (at least 2)"},

    # Worksheet 12.
    "ws12_intro": {
        "nl": "Zet eerst onze mensen in de bovenste tabel: elke naam wordt een kolom in de matrix eronder.",
        "en": "First list our people in the top table: each name becomes a column of the matrix below.",
    },
    "ws12_intro_2": {
        "nl": "Vul per contactpersoon de relatiesterkte met elk van onze mensen in: 0 geen, 1 zwak, 2 redelijk, 3 sterk.",
        "en": "For each contact, fill in the strength of the relationship with each of our people: 0 none, 1 weak, 2 reasonable, 3 strong.",
    },
    "heading_our_people": {"nl": "Onze mensen", "en": "Our people"},
    "heading_contacts": {"nl": "Contactpersonen bij de klant", "en": "Contacts at the customer"},
    "heading_coverage": {"nl": "Dekking van de DMU", "en": "Coverage of the DMU"},
    "strength_slot": {"nl": "Relatie {number}", "en": "Relationship {number}"},
    "dmu_role_column": {"nl": "DMU-rol {number}", "en": "DMU role {number}"},
    "above_person": {"nl": "Onze medewerker →", "en": "Our person →"},
    "help_strength": {"nl": "0 geen, 1 zwak, 2 redelijk, 3 sterk.", "en": "0 none, 1 weak, 2 reasonable, 3 strong."},
    "help_attitude": {
        "nl": "−2 tegenstander, −1 sceptisch, 0 neutraal, 1 voorstander, 2 coach.",
        "en": "−2 opponent, −1 sceptic, 0 neutral, 1 supporter, 2 coach.",
    },
    "strongest": {"nl": "Sterkste relatie", "en": "Strongest relationship"},
    "covered": {"nl": "Gedekt (≥ {minimum})", "en": "Covered (≥ {minimum})"},
    "at_risk": {"nl": "Risico", "en": "At risk"},
    "dmu_role": {"nl": "DMU-rol", "en": "DMU role"},
    "role_holders": {"nl": "Contactpersonen", "en": "Contacts"},
    "role_covered": {"nl": "Waarvan gedekt", "en": "Of which covered"},
    "contacts_count": {"nl": "Aantal contactpersonen", "en": "Number of contacts"},
    "coverage": {"nl": "Dekking: aandeel met een relatie van {minimum} of meer", "en": "Coverage: share with a relationship of {minimum} or more"},
    "breadth": {"nl": "Breedte: onze mensen met een relatie van {minimum} of meer", "en": "Breadth: our people with a relationship of {minimum} or more"},
    "flagged": {"nl": "Contactpersonen met een risico", "en": "Contacts at risk"},

    # Worksheet 13.
    "ws13_intro": {
        "nl": "Geef per dimensie aan op welk stadium (1–5) de relatie nu lijkt. Het blad berekent de relatie-index, het huidige stadium en de afstand tot het gewenste stadium.",
        "en": "For each dimension, enter the stage (1–5) the relationship resembles today. The sheet works out the relationship index, the current stage and the gap to the desired stage.",
    },
    "dimension": {"nl": "Dimensie", "en": "Dimension"},
    "stage_placed": {"nl": "Stadium (1–5)", "en": "Stage (1–5)"},
    "help_stage": {"nl": "1 Pre-KAM, 2 Early-KAM, 3 Mid-KAM, 4 Partnership-KAM, 5 Synergistic-KAM.", "en": "1 Pre-KAM, 2 Early-KAM, 3 Mid-KAM, 4 Partnership-KAM, 5 Synergistic-KAM."},
    "stage_index": {"nl": "Relatie-index (gemiddelde)", "en": "Relationship index (mean)"},
    "stage_current": {"nl": "Huidig stadium (index afgerond)", "en": "Current stage (index rounded)"},
    "stage_gap": {"nl": "Afstand tot gewenst stadium", "en": "Gap to the desired stage"},
    "heading_stages": {"nl": "De stadia", "en": "The stages"},

    # Worksheet 14.
    "ws14_intro": {
        "nl": "Vul per groep de winstimpact en het toeleveringsrisico voor de klant in (1–5). Vanaf {threshold} telt een score als hoog; zo volgt het kwadrant.",
        "en": "For each group, fill in the profit impact and the supply risk for the customer (1–5). From {threshold} a rating counts as high, which decides the quadrant.",
    },
    "quadrant": {"nl": "Kwadrant", "en": "Quadrant"},
    "quadrant_number": {"nl": "Kwadrantnummer", "en": "Quadrant number"},
    "buyer_behaviour": {"nl": "Te verwachten inkoopgedrag", "en": "Buying behaviour to expect"},
    "heading_revenue_by_quadrant": {"nl": "Omzet per kwadrant", "en": "Revenue per quadrant"},
    "revenue_in_quadrant": {"nl": "Omzet", "en": "Revenue"},

    # Worksheets 15 and 16.
    "ws15_intro": {
        "nl": "Eén regel per bevinding uit de klantanalyse. Geef kansen een code K1, K2, … en bedreigingen B1, B2, …; die codes gaan naar werkblad 17 en 18.",
        "en": "One row per finding of the customer analysis. Give opportunities a code K1, K2, … and threats B1, B2, …; those codes go to worksheets 17 and 18.",
    },
    "ws16_intro": {
        "nl": "Eén regel per bevinding uit de interne analyse. Geef sterkten een code S1, S2, … en zwakten Z1, Z2, …; die codes gaan naar werkblad 19 en 20.",
        "en": "One row per finding of the internal analysis. Give strengths a code S1, S2, … and weaknesses Z1, Z2, …; those codes go to worksheets 19 and 20.",
    },
    "help_finding_code_15": {"nl": "K1, K2, … voor een kans; B1, B2, … voor een bedreiging; leeg bij neutraal.", "en": "K1, K2, … for an opportunity; B1, B2, … for a threat; empty when neutral."},
    "help_finding_code_16": {"nl": "S1, S2, … voor een sterkte; Z1, Z2, … voor een zwakte; leeg bij neutraal.", "en": "S1, S2, … for a strength; Z1, Z2, … for a weakness; empty when neutral."},

    # Worksheets 17–20.
    "ws17_intro": {"nl": "Scoor elke kans op aantrekkelijkheid en slagingskans (1–5); de score is het product.", "en": "Rate each opportunity for attractiveness and probability of success (1–5); the score is the product."},
    "ws18_intro": {"nl": "Scoor elke bedreiging op ernst en waarschijnlijkheid (1–5); de score is het product.", "en": "Rate each threat for seriousness and likelihood (1–5); the score is the product."},
    "ws19_intro": {"nl": "Scoor elke sterkte op belang voor de klant en onze voorsprong (1–5); de score is het product.", "en": "Rate each strength for importance to the customer and our lead (1–5); the score is the product."},
    "ws20_intro": {"nl": "Scoor elke zwakte op belang voor de klant en onze achterstand (1–5); de score is het product.", "en": "Rate each weakness for importance to the customer and our gap (1–5); the score is the product."},
    "scoring_intro_2": {
        "nl": "Prioriteit hoog vanaf {high}, middel vanaf {medium}. De hoogste gaan naar de SWOT; met 'Wel in de SWOT' of 'Niet in de SWOT' wijkt u bewust af van de rangorde.",
        "en": "Priority high from {high}, medium from {medium}. The highest go to the SWOT; with 'In the SWOT' or 'Out of the SWOT' you deliberately depart from the ranking.",
    },
    "top_n_effective": {"nl": "Aantal dat naar de SWOT gaat", "en": "Number going to the SWOT"},
    "marked_in": {"nl": "Op 'Wel in de SWOT' gezet", "en": "Marked 'In the SWOT'"},
    "in_swot": {"nl": "In de SWOT", "en": "In the SWOT"},

    # Worksheet 21.
    "ws21_intro": {
        "nl": "De SWOT volgt vanzelf uit de scoringsformulieren 17–20: hoogstens vijf items per kwadrant, nooit aangevuld.",
        "en": "The SWOT follows from scoring forms 17–20 by itself: at most five items per quadrant, never padded.",
    },
    "swot_place": {"nl": "Plaats", "en": "Place"},

    # Worksheet 22.
    "ws22_intro": {
        "nl": "Eén rij per beoordelaar en intern SWOT-item (S… of Z…); scoor alleen de kolommen met een vinkje in de rij 'In de SWOT'.",
        "en": "One row per scorer and internal SWOT item (S… or Z…); score only the columns ticked in the row 'In the SWOT'.",
    },
    "ws22_intro_2": {
        "nl": "Score 0 geen verband, 1 zwak, 2 duidelijk, 3 sterk. Een cel is heet als alle beoordelaars samen {maximum} × het aantal beoordelaars geven.",
        "en": "Score 0 no link, 1 weak, 2 clear, 3 strong. A cell is hot when all scorers together give {maximum} × the number of scorers.",
    },
    "help_cell": {"nl": "0 geen verband, 1 zwak, 2 duidelijk, 3 sterk.", "en": "0 no link, 1 weak, 2 clear, 3 strong."},
    "above_in_swot": {"nl": "In de SWOT", "en": "In the SWOT"},
    "above_column_total": {"nl": "Kolomtotaal", "en": "Column total"},
    "row_total": {"nl": "Rijtotaal", "en": "Row total"},
    "item_total": {"nl": "Totaal item", "en": "Item total"},
    "heading_quadrants": {"nl": "Totalen", "en": "Totals"},
    "scorers": {"nl": "Aantal beoordelaars", "en": "Number of scorers"},
    "hot_threshold": {"nl": "Hete cel vanaf ({maximum} × beoordelaars)", "en": "Hot cell from ({maximum} × scorers)"},
    "matrix_total": {"nl": "Totaal van de matrix", "en": "Total of the matrix"},

    # Worksheet 23.
    "ws23_intro": {
        "nl": "Formuleer drie tot vijf hoofdaandachtspunten als vraag van binnen naar buiten en noem de cellen van de confrontatiematrix waaruit ze komen.",
        "en": "Word three to five main focus points as inside-out questions and name the cells of the confrontation matrix they come from.",
    },
    "ws23_intro_2": {
        "nl": "Schrijf een cel als S2×K1 (een x mag ook). De score is de som van de broncellen over alle beoordelaars.",
        "en": "Write a cell as S2×K1 (an x is accepted too). The score is the sum of the source cells over all scorers.",
    },
    "source_cell": {"nl": "Broncel {number}", "en": "Source cell {number}"},
    "help_source_cell": {"nl": "Een cel van de confrontatiematrix, zoals S2×K1.", "en": "A cell of the confrontation matrix, such as S2×K1."},

    # Worksheet 24.
    "ws24_intro": {
        "nl": "Zet de deelnemers in de tabel Deelnemers; elke naam wordt een stemkolom bij de ideeën.",
        "en": "List the participants in the Participants table; each name becomes a vote column beside the ideas.",
    },
    "ws24_intro_2": {
        "nl": "Eén regel per idee, met het HAP van het formulier. Punten op een eigen idee tellen niet mee.",
        "en": "One row per idea, with the HAP of its form. Points on one's own idea do not count.",
    },
    "heading_participants": {"nl": "Deelnemers", "en": "Participants"},
    "heading_sessions": {"nl": "Formulieren", "en": "Forms"},
    "heading_ideas": {"nl": "Ideeën en stemmen", "en": "Ideas and votes"},
    "vote_slot": {"nl": "Stem {number}", "en": "Vote {number}"},
    "above_voter": {"nl": "Deelnemer →", "en": "Participant →"},
    "help_vote": {"nl": "Punten van deze deelnemer voor het idee, 1 tot 10.", "en": "Points this participant gives the idea, 1 to 10."},
    "rank_in_hap": {"nl": "Rang binnen HAP", "en": "Rank within HAP"},
    "shortlisted": {"nl": "Shortlist", "en": "Shortlist"},
    "shortlist_size_effective": {"nl": "Ideeën per HAP op de shortlist", "en": "Ideas per HAP on the shortlist"},

    # Worksheet 25.
    "ws25_intro": {
        "nl": "Bekijk elk HAP vanuit de vaste invalshoeken. Eigen invalshoeken geeft u een naam in de bovenste tabel en kiest u daarna in de lijst.",
        "en": "Look at every HAP from the fixed angles. Give own angles a name in the top table, then choose them in the list.",
    },
    "heading_custom_angles": {"nl": "Eigen invalshoeken", "en": "Own angles"},
    "heading_angle_ideas": {"nl": "Ideeën per HAP en invalshoek", "en": "Ideas per HAP and angle"},
    "angle_ideas": {"nl": "Aantal ideeën", "en": "Number of ideas"},
    "angle_shortlisted": {"nl": "Waarvan op de shortlist", "en": "Of which on the shortlist"},

    # Worksheet 26.
    "ws26_intro": {
        "nl": "Geef de criteria een gewicht; samen 100. Elke regel van de criteria wordt een scorekolom bij de opties (1–5, 5 is altijd gunstig).",
        "en": "Give the criteria a weight; 100 together. Each criteria row becomes a score column beside the options (1–5, 5 is always favourable).",
    },
    "ws26_intro_2": {
        "nl": "Een optie die niet aan een knock-outcriterium voldoet, valt af. Zonder gekozen opties worden de hoogst gerangschikte projecten.",
        "en": "An option that does not meet a knock-out criterion drops out. When no option is marked as chosen, the highest-ranked become projects.",
    },
    "suggested_criterion": {"nl": "Suggestie: {name}, gewicht {weight}", "en": "Suggestion: {name}, weight {weight}"},
    "suggested_knockout": {"nl": "Suggestie: {identifier} – {name}", "en": "Suggestion: {identifier} – {name}"},
    "help_knockout_id": {"nl": "Korte sleutel in kleine letters, zoals lawful of capacity.", "en": "Short key in lower case, such as lawful or capacity."},
    "heading_criteria": {"nl": "Criteria en gewichten", "en": "Criteria and weights"},
    "heading_knockouts": {"nl": "Knock-outcriteria", "en": "Knock-out criteria"},
    "heading_options": {"nl": "Opties", "en": "Options"},
    "score_slot": {"nl": "Score {number}", "en": "Score {number}"},
    "knockout_slot": {"nl": "Knock-out {number}", "en": "Knock-out {number}"},
    "above_criterion": {"nl": "Criterium →", "en": "Criterion →"},
    "above_weight": {"nl": "Gewicht →", "en": "Weight →"},
    "help_option_score": {"nl": "1 ongunstig tot 5 gunstig; een lage investering scoort 5.", "en": "1 unfavourable to 5 favourable; a low investment scores 5."},
    "help_knockout": {"nl": "Ja als de optie aan de eis voldoet, nee als niet.", "en": "Yes when the option meets the requirement, no when it does not."},
    "weighted_total": {"nl": "Gewogen totaal", "en": "Weighted total"},
    "knocked_out": {"nl": "Valt af", "en": "Knocked out"},
    "becomes_project": {"nl": "Wordt project", "en": "Becomes project"},
    "weights_total": {"nl": "Som van de gewichten", "en": "Sum of the weights"},
    "weights_check": {"nl": "Controle gewichten", "en": "Weight check"},
    "weights_ok": {"nl": "In orde: samen 100", "en": "Correct: 100 together"},
    "weights_not_100": {"nl": "Maak de gewichten samen 100", "en": "Make the weights add up to 100"},
    "choose_top_effective": {"nl": "Opties die project worden (zonder keuze)", "en": "Options that become projects (without a choice)"},
    "options_marked": {"nl": "Opties op 'gekozen' gezet", "en": "Options marked as chosen"},

    # Worksheet 27.
    "ws27_intro": {
        "nl": "Eén regel per project. Vul voor een SMART project minstens de KPI, de streefwaarde en de einddatum in.",
        "en": "One row per project. For a SMART project, fill in at least the KPI, the target and the end date.",
    },
    "project_hap": {"nl": "HAP {number}", "en": "HAP {number}"},
    "milestone_name": {"nl": "Mijlpaal {number}", "en": "Milestone {number}"},
    "milestone_date": {"nl": "Datum mijlpaal {number}", "en": "Date of milestone {number}"},
    "risk_text": {"nl": "Risico {number}", "en": "Risk {number}"},
    "risk_measure": {"nl": "Maatregel {number}", "en": "Measure {number}"},
    "approval_name": {"nl": "Akkoord door", "en": "Approved by"},
    "approval_date": {"nl": "Datum akkoord", "en": "Date of approval"},
    "smart_check": {"nl": "SMART", "en": "SMART"},

    # Worksheet 28.
    "ws28_intro": {
        "nl": "Eén regel per activiteit. Vul een einddatum of een duur in weken in; een mijlpaal heeft alleen een datum.",
        "en": "One row per activity. Fill in an end date or a duration in weeks; a milestone only has a date.",
    },
    "predecessor": {"nl": "Voorganger {number}", "en": "Predecessor {number}"},
    "end_effective": {"nl": "Einde", "en": "End"},
    "weeks": {"nl": "Weken", "en": "Weeks"},

    # Worksheet 29.
    "ws29_intro": {
        "nl": "Eén regel per project en jaar (0 is de start, tot en met 5). Opbrengsten tellen als marge: extra omzet × margepercentage.",
        "en": "One row per project and year (0 is the start, up to 5). Benefits count as margin: extra revenue × margin percentage.",
    },
    "ws29_intro_2": {
        "nl": "De terugverdientijd is het moment waarop het cumulatieve netto resultaat nul wordt, binnen het jaar geïnterpoleerd.",
        "en": "The payback period is the moment the cumulative net result reaches zero, interpolated within the year.",
    },
    "heading_years": {"nl": "Per jaar, hele plan", "en": "Per year, whole plan"},
    "heading_per_project": {"nl": "Per project", "en": "Per project"},
    "payback_in_year": {"nl": "Terugverdiend in", "en": "Paid back at"},
    "total_costs": {"nl": "Totale kosten", "en": "Total costs"},
    "total_benefits": {"nl": "Totale opbrengsten", "en": "Total benefits"},
    "total_net": {"nl": "Netto resultaat", "en": "Net result"},
    "payback": {"nl": "Terugverdientijd in jaren", "en": "Payback period in years"},
    "payback_none": {"nl": "Niet binnen de planperiode", "en": "Not within the plan period"},
    "npv": {"nl": "Netto contante waarde", "en": "Net present value"},

    # Worksheet 30.
    "ws30_intro": {
        "nl": "Eén regel per knooppunt: ambitie (niveau 0), doelen (1), subdoelen per HAP (2) en projecten (3). Elk knooppunt noemt zijn bovenliggende knooppunt.",
        "en": "One row per node: ambition (level 0), objectives (1), sub-objectives per HAP (2) and projects (3). Each node names its parent.",
    },
    "help_goal_level": {"nl": "0 ambitie, 1 doel, 2 subdoel, 3 project.", "en": "0 ambition, 1 objective, 2 sub-objective, 3 project."},
    "children": {"nl": "Eronder", "en": "Below"},
    "rolled_progress": {"nl": "Voortgang (opgeteld)", "en": "Progress (rolled up)"},
    "goal_progress": {"nl": "Voortgang van de ambitie", "en": "Progress of the ambition"},
    "heading_levels": {"nl": "De niveaus", "en": "The levels"},
}
