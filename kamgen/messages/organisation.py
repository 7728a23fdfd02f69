"""Messages of the organisation input (worksheets 31–34): method rules and labels."""

MESSAGES = {
    # Method rules. Each names the value found and what to do.
    "domain_too_few": {
        "nl": "Het domein '{domain}' heeft {count} voorwaarde(n); werkblad 31 vraagt er {minimum} tot {maximum} per domein. Voeg voorwaarden voor dit domein toe.",
        "en": "The domain '{domain}' has {count} condition(s); worksheet 31 asks for {minimum} to {maximum} per domain. Add conditions for this domain.",
    },
    "domain_too_many": {
        "nl": "Het domein '{domain}' heeft {count} voorwaarden; werkblad 31 vraagt er {minimum} tot {maximum} per domein. Voeg voorwaarden samen of schrap de minst belangrijke.",
        "en": "The domain '{domain}' has {count} conditions; worksheet 31 asks for {minimum} to {maximum} per domain. Merge conditions or drop the least important ones.",
    },
    "condition_unrated": {
        "nl": "Voorwaarde {number} ('{statement}') heeft geen {missing}; vul die in, anders telt de voorwaarde niet mee in de gereedheid en de kloven.",
        "en": "Condition {number} ('{statement}') has no {missing}; fill it in, otherwise the condition does not count in the readiness and the gaps.",
    },
    "competency_unrated": {
        "nl": "Competentie '{name}' heeft geen {missing}; vul die in, anders kan kamgen de kloof en de match voor deze competentie niet berekenen.",
        "en": "Competency '{name}' has no {missing}; fill it in, otherwise kamgen cannot compute the gap and the fit for this competency.",
    },
    "duplicate_competency": {
        "nl": "De competentie '{name}' staat meer dan één keer in het profiel (ook als nummer {first}); geef elke competentie een eigen naam, want beoordelingen verwijzen naar de naam.",
        "en": "The competency '{name}' appears more than once in the profile (also as number {first}); give each competency its own name, because assessments refer to the name.",
    },
    "unknown_competency": {
        "nl": "De beoordeling verwijst naar de competentie '{name}', maar die staat niet in het profiel; kies een van: {known}.",
        "en": "The assessment refers to the competency '{name}', which is not in the profile; choose one of: {known}.",
    },
    "unknown_person": {
        "nl": "De beoordeling is van '{name}', maar die staat niet bij de beoordeelde personen; voeg '{name}' daar toe of corrigeer de naam (bekend: {known}).",
        "en": "The assessment is for '{name}', who is not listed under the people assessed; add '{name}' there or correct the name (known: {known}).",
    },
    "duplicate_assessment": {
        "nl": "'{person}' is al eerder beoordeeld op '{competency}' (beoordeling {first}); houd één beoordeling per persoon en competentie over.",
        "en": "'{person}' has already been assessed on '{competency}' (assessment {first}); keep one assessment per person and competency.",
    },
    "duplicate_person": {
        "nl": "De naam '{name}' staat meer dan één keer bij de beoordeelde personen (ook als nummer {first}); maak de namen uniek, bijvoorbeeld met een voorletter.",
        "en": "The name '{name}' appears more than once under the people assessed (also as number {first}); make the names unique, for example with an initial.",
    },
    "duplicate_member": {
        "nl": "De naam '{name}' staat meer dan één keer bij de teamleden (ook als nummer {first}); maak de namen uniek, bijvoorbeeld met een voorletter.",
        "en": "The name '{name}' appears more than once under the team members (also as number {first}); make the names unique, for example with an initial.",
    },
    "unknown_member": {
        "nl": "Het antwoord is van '{name}', maar die staat niet bij de teamleden; voeg '{name}' daar toe of corrigeer de naam (bekend: {known}).",
        "en": "The answer is from '{name}', who is not listed under the team members; add '{name}' there or correct the name (known: {known}).",
    },
    "none_yet": {
        "nl": "nog geen",
        "en": "none yet",
    },
    "section_points": {
        "nl": "{member} heeft in sectie {section} {total} punten verdeeld; verdeel precies {expected} punten over de stellingen a tot en met i.",
        "en": "{member} spread {total} points in section {section}; spread exactly {expected} points over statements a to i.",
    },
    "duplicate_answer": {
        "nl": "{member} heeft sectie {section} twee keer ingevuld (ook in antwoord {first}); houd één regel per teamlid en sectie over.",
        "en": "{member} filled in section {section} twice (also in answer {first}); keep one row per team member and section.",
    },
    "answer_number": {
        "nl": "antwoord {number}",
        "en": "answer {number}",
    },
    "sections_missing": {
        "nl": "{member} heeft sectie(s) {sections} nog niet ingevuld; zonder alle zeven secties komt het totaal niet op 70 en zijn de teamrolscores onvolledig.",
        "en": "{member} has not yet filled in section(s) {sections}; without all seven sections the total does not reach 70 and the team-role scores are incomplete.",
    },
    # Words used inside the messages above.
    "presence": {"nl": "aanwezigheid", "en": "presence"},
    "importance": {"nl": "belang", "en": "importance"},
    "required_level": {"nl": "vereist niveau", "en": "required level"},
    "and": {"nl": "en", "en": "and"},

    # --- input workbook (kamgen/workbooks/organisation.py) -----------------
    "wb_step_header": {
        "nl": "Vul hieronder de algemene gegevens in: organisatie, periode, taal van het rapport en wie de werkmap opstelt.",
        "en": "Fill in the general details below: organisation, period, report language and who prepares the workbook.",
    },
    "wb_step_order": {
        "nl": "De bladen staan los van elkaar; vul in wat u nodig hebt. WB31 gaat over de organisatie, WB32 over de key-account managers, WB33 over het accountteam. WB34 rekent de werkmap zelf uit WB33.",
        "en": "The sheets are independent; fill in what you need. WS31 is about the organisation, WS32 about the key-account managers, WS33 about the account team. The workbook calculates WS34 from WS33.",
    },
    "wb_organisation": {"nl": "Organisatie", "en": "Organisation"},
    "wb_business_unit": {"nl": "Bedrijfsonderdeel", "en": "Business unit"},
    "wb_prepared_by": {"nl": "Opgesteld door", "en": "Prepared by"},
    "wb_period_start": {"nl": "Begin van de periode", "en": "Start of the period"},
    "wb_period_end": {"nl": "Einde van de periode", "en": "End of the period"},
    "wb_language": {"nl": "Taal van het rapport", "en": "Report language"},
    "wb_help_organisation": {"nl": "De naam van de organisatie die key-account management invoert.", "en": "The name of the organisation that introduces key-account management."},
    "wb_help_period": {"nl": "Meestal het boekjaar, bijvoorbeeld 01-01-2026 tot en met 31-12-2026.", "en": "Usually the financial year, for example 01-01-2026 to 31-12-2026."},

    "wb_ws31_intro": {
        "nl": "Geef per voorwaarde de aanwezigheid (1 = niet, 5 = volledig) en het belang (1 = nuttig, 3 = onmisbaar). Pas voorwaarden aan of voeg ze toe; houd twee tot vier per domein.",
        "en": "For each condition, rate its presence (1 = not at all, 5 = fully) and importance (1 = useful, 3 = essential). Adapt or add conditions; keep two to four per domain.",
    },
    "wb_ws31_intro_2": {
        "nl": "Kloof = (5 − aanwezigheid) × belang. Rang 1 is de grootste kloof; bij gelijke kloven gaat het eerdere domein voor.",
        "en": "Gap = (5 − presence) × importance. Rank 1 is the largest gap; with equal gaps the earlier domain comes first.",
    },
    "wb_domain": {"nl": "Domein", "en": "Domain"},
    "wb_condition": {"nl": "Voorwaarde", "en": "Condition"},
    "wb_presence": {"nl": "Aanwezigheid 1–5", "en": "Presence 1–5"},
    "wb_importance": {"nl": "Belang 1–3", "en": "Importance 1–3"},
    "wb_gap": {"nl": "Kloof", "en": "Gap"},
    "wb_rank": {"nl": "Rang", "en": "Rank"},
    "wb_domain_order": {"nl": "Volgorde domein", "en": "Domain order"},
    "wb_remark": {"nl": "Toelichting", "en": "Remark"},
    "wb_condition_item": {"nl": "voorwaarde", "en": "condition"},
    "wb_readiness_heading": {"nl": "Gereedheid", "en": "Readiness"},
    "wb_readiness": {"nl": "Gereedheid (som aanwezigheid ÷ 5 × aantal voorwaarden)", "en": "Readiness (sum of presence ÷ 5 × number of conditions)"},
    "wb_per_domain": {"nl": "Per domein", "en": "Per domain"},
    "wb_domain_conditions": {"nl": "Voorwaarden", "en": "Conditions"},
    "wb_domain_mean": {"nl": "Gemiddelde aanwezigheid", "en": "Mean presence"},
    "wb_domain_readiness": {"nl": "Gereedheid", "en": "Readiness"},
    "wb_domain_gap": {"nl": "Totale kloof", "en": "Total gap"},
    "wb_conclusion_31": {"nl": "Conclusie: wat regelt u eerst?", "en": "Conclusion: what do you arrange first?"},

    "wb_ws32_intro": {
        "nl": "Leg per competentie het belang (1–3) en het vereiste niveau (1–5) vast. Zet de beoordeelde personen in de tweede tabel en hun huidige niveaus in de derde.",
        "en": "Record the importance (1–3) and required level (1–5) of each competency. Put the people assessed in the second table and their current levels in the third.",
    },
    "wb_ws32_intro_2": {
        "nl": "Kloof = vereist − huidig niveau (minstens 0); gewogen kloof = kloof × belang; match = som van de huidige niveaus, afgetopt op het vereiste, ÷ som van de vereiste niveaus.",
        "en": "Gap = required − current level (at least 0); weighted gap = gap × importance; fit = sum of current levels, capped at the required level, ÷ sum of required levels.",
    },
    "wb_cluster": {"nl": "Cluster", "en": "Cluster"},
    "wb_competency": {"nl": "Competentie", "en": "Competency"},
    "wb_description": {"nl": "Omschrijving", "en": "Description"},
    "wb_required": {"nl": "Vereist niveau 1–5", "en": "Required level 1–5"},
    "wb_competency_item": {"nl": "competentie", "en": "competency"},
    "wb_people_heading": {"nl": "Beoordeelde personen", "en": "People assessed"},
    "wb_name": {"nl": "Naam", "en": "Name"},
    "wb_function": {"nl": "Functie", "en": "Role"},
    "wb_assessed": {"nl": "Beoordeelde competenties", "en": "Competencies assessed"},
    "wb_fit": {"nl": "Match", "en": "Fit"},
    "wb_weighted_gap_total": {"nl": "Gewogen kloof totaal", "en": "Total weighted gap"},
    "wb_person_item": {"nl": "persoon", "en": "person"},
    "wb_assessments_heading": {"nl": "Beoordelingen", "en": "Assessments"},
    "wb_person": {"nl": "Persoon", "en": "Person"},
    "wb_current": {"nl": "Huidig niveau 1–5", "en": "Current level 1–5"},
    "wb_evidence": {"nl": "Bewijs", "en": "Evidence"},
    "wb_development_action": {"nl": "Ontwikkelactie", "en": "Development action"},
    "wb_required_here": {"nl": "Vereist", "en": "Required"},
    "wb_importance_here": {"nl": "Belang", "en": "Importance"},
    "wb_weighted_gap": {"nl": "Gewogen kloof", "en": "Weighted gap"},
    "wb_capped": {"nl": "Afgetopt niveau", "en": "Capped level"},
    "wb_assessment_item": {"nl": "beoordeling", "en": "assessment"},
    "wb_help_person": {"nl": "Typ de naam precies zoals in de tabel Beoordeelde personen.", "en": "Type the name exactly as in the People assessed table."},
    "wb_help_competency": {"nl": "Typ de naam precies zoals in de tabel met competenties.", "en": "Type the name exactly as in the competencies table."},

    "wb_ws33_intro": {
        "nl": "Zet de teamleden in de eerste tabel. Vul in de tweede tabel per teamlid en sectie de punten per stelling in; elke regel telt op tot precies 10.",
        "en": "Put the team members in the first table. In the second table, enter each member's points per statement for each section; every row adds up to exactly 10.",
    },
    "wb_ws33_intro_2": {
        "nl": "De vragenlijst zelf staat onder de tabellen en op het formulier van werkblad 33.",
        "en": "The questionnaire itself is below the tables and on the form of worksheet 33.",
    },
    "wb_members_heading": {"nl": "Teamleden", "en": "Team members"},
    "wb_member_item": {"nl": "teamlid", "en": "team member"},
    "wb_answers_heading": {"nl": "Punten per sectie", "en": "Points per section"},
    "wb_member": {"nl": "Teamlid", "en": "Team member"},
    "wb_section": {"nl": "Sectie", "en": "Section"},
    "wb_total": {"nl": "Totaal", "en": "Total"},
    "wb_check": {"nl": "Controle", "en": "Check"},
    "wb_ok": {"nl": "in orde", "en": "correct"},
    "wb_not_ten": {"nl": " in plaats van 10", "en": " instead of 10"},
    "wb_not_seventy": {"nl": " in plaats van 70", "en": " instead of 70"},
    "wb_answer_item": {"nl": "antwoord", "en": "answer"},
    "wb_help_member": {"nl": "Typ de naam precies zoals in de tabel Teamleden.", "en": "Type the name exactly as in the Team members table."},
    "wb_help_points": {"nl": "Punten voor deze stelling, 0 tot en met 10. Leeg telt als 0.", "en": "Points for this statement, 0 to 10. Blank counts as 0."},
    "wb_questionnaire_heading": {"nl": "De vragenlijst", "en": "The questionnaire"},

    "wb_ws34_intro": {
        "nl": "Dit blad rekent de punten van WB33 om in teamrolscores met de sleutel hieronder; u hoeft hier alleen de afspraken in te vullen.",
        "en": "This sheet turns the points of WS33 into team-role scores with the key below; you only fill in the agreements here.",
    },
    "wb_ws34_intro_2": {
        "nl": "Voorkeursrol bij 12 punten of meer, hanteerbare rol bij 8 tot en met 11, minst passende rol bij 7 of minder. Per teamlid is het totaal 70.",
        "en": "Preferred role at 12 points or more, manageable role at 8 to 11, least suited role at 7 or less. Each member's total is 70.",
    },
    "wb_key_heading": {"nl": "Sleutel: letter per teamrol en sectie", "en": "Key: letter per team role and section"},
    "wb_team_role": {"nl": "Teamrol", "en": "Team role"},
    "wb_scores_heading": {"nl": "Scores per teamlid", "en": "Scores per team member"},
    "wb_bands_heading": {"nl": "Banden per teamlid", "en": "Bands per team member"},
    "wb_preferred_roles": {"nl": "Voorkeursrollen", "en": "Preferred roles"},
    "wb_coverage_heading": {"nl": "Het team als geheel", "en": "The team as a whole"},
    "wb_preferred_count": {"nl": "Teamleden met deze voorkeursrol", "en": "Members with this preferred role"},
    "wb_uncovered": {"nl": "Niemand heeft deze voorkeursrol", "en": "Nobody holds this preferred role"},
    "wb_uncovered_flag": {"nl": "niet gedekt", "en": "not covered"},
    "wb_conclusion_34": {"nl": "Afspraken over de teamrollen", "en": "Agreements on the team roles"},
}
