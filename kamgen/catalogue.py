"""The 34 worksheets of the method: number, slug, titles, input kind, status.

``status`` is what kamgen does with a worksheet today: ``input`` (schema,
workbook sheet, reader and method rules), ``computed`` (also computations)
and ``rendered`` (also a chapter in a generated report). Every worksheet has
a blank form in the pack.
"""

from __future__ import annotations

from dataclasses import dataclass

PORTFOLIO = "portfolio"
ACCOUNT = "account"
ORGANISATION = "organisation"
KINDS = (PORTFOLIO, ACCOUNT, ORGANISATION)

INPUT = "input"
COMPUTED = "computed"
RENDERED = "rendered"


@dataclass(frozen=True)
class Worksheet:
    number: int
    slug: str
    title_nl: str
    title_en: str
    kind: str
    status: str
    sheet_nl: str
    sheet_en: str

    def title(self, language: str) -> str:
        return self.title_nl if language == "nl" else self.title_en

    def sheet_name(self, language: str) -> str:
        """Return the workbook sheet name, ``WB06 Classificatie`` style (at most 31 characters)."""
        short = self.sheet_nl if language == "nl" else self.sheet_en
        prefix = "WB" if language == "nl" else "WS"
        return f"{prefix}{self.number:02d} {short}"

    def file_stem(self, language: str) -> str:
        prefix = "werkblad" if language == "nl" else "worksheet"
        return f"{prefix}-{self.number:02d}-{self.slug}"


_W = Worksheet
WORKSHEETS: tuple[Worksheet, ...] = (
    _W(1, "belang-kam", "Het belang van key-account management", "The importance of key-account management", PORTFOLIO, RENDERED, "Belang KAM", "Importance KAM"),
    _W(2, "selectie-key-accounts", "Selectie van key-accounts", "Selecting key accounts", PORTFOLIO, RENDERED, "Selectie", "Selection"),
    _W(3, "kwaliteit-klantrelatie", "Beoordeling van de kwaliteit van de klantrelatie", "Assessing the quality of the customer relationship", ACCOUNT, COMPUTED, "Relatiekwaliteit", "Relationship quality"),
    _W(4, "selectiecriteria", "Selectiecriteria, indicatoren en scoringswijze", "Selection criteria, indicators and scoring method", PORTFOLIO, RENDERED, "Criteria", "Criteria"),
    _W(5, "weging", "Weging selectiecriteria", "Weighting the selection criteria", PORTFOLIO, RENDERED, "Weging", "Weighting"),
    _W(6, "classificatie", "Classificatie van klanten", "Classifying customers", PORTFOLIO, RENDERED, "Classificatie", "Classification"),
    _W(7, "werkwijze-selectie", "Werkwijze bij de selectie van key-accounts", "Procedure for selecting key accounts", PORTFOLIO, RENDERED, "Werkwijze", "Procedure"),
    _W(8, "klantportfolio", "Klantportfolio", "Customer portfolio", PORTFOLIO, RENDERED, "Klantportfolio", "Customer portfolio"),
    _W(9, "klantstrategieen", "Klantstrategieënmatrix", "Customer strategy matrix", PORTFOLIO, RENDERED, "Strategieën", "Strategies"),
    _W(10, "bedieningsconcepten", "Template bedieningsconcepten", "Service concepts template", PORTFOLIO, RENDERED, "Bedieningsconcepten", "Service concepts"),
    _W(11, "ontwikkelklanten", "Template ontwikkelklanten", "Development customers template", ACCOUNT, INPUT, "Ontwikkelklant", "Development customer"),
    _W(12, "relatiematrix", "Relatiematrix", "Relationship matrix", ACCOUNT, COMPUTED, "Relatiematrix", "Relationship matrix"),
    _W(13, "ontwikkelingsstadium", "Ontwikkelingsstadium relatie met key-account", "Development stage of the key-account relationship", ACCOUNT, COMPUTED, "Ontwikkelingsstadium", "Development stage"),
    _W(14, "inkoopportfolio", "Positie in inkoopportfolio key-account", "Position in the key account's purchasing portfolio", ACCOUNT, COMPUTED, "Inkoopportfolio", "Purchasing portfolio"),
    _W(15, "kansen-bedreigingen", "Kwalificaties klantanalyse: kansen en bedreigingen", "Customer analysis: opportunities and threats", ACCOUNT, INPUT, "Klantanalyse", "Customer analysis"),
    _W(16, "sterkten-zwakten", "Kwalificaties interne analyse: sterkten en zwakten", "Internal analysis: strengths and weaknesses", ACCOUNT, INPUT, "Interne analyse", "Internal analysis"),
    _W(17, "scoring-kansen", "Scoringsformulier kansen", "Scoring form opportunities", ACCOUNT, COMPUTED, "Scoring kansen", "Scoring opportunities"),
    _W(18, "scoring-bedreigingen", "Scoringsformulier bedreigingen", "Scoring form threats", ACCOUNT, COMPUTED, "Scoring bedreigingen", "Scoring threats"),
    _W(19, "scoring-sterkten", "Scoringsformulier sterkten", "Scoring form strengths", ACCOUNT, COMPUTED, "Scoring sterkten", "Scoring strengths"),
    _W(20, "scoring-zwakten", "Scoringsformulier zwakten", "Scoring form weaknesses", ACCOUNT, COMPUTED, "Scoring zwakten", "Scoring weaknesses"),
    _W(21, "swot", "SWOT", "SWOT", ACCOUNT, COMPUTED, "SWOT", "SWOT"),
    _W(22, "confrontatiematrix", "Confrontatiematrix", "Confrontation matrix", ACCOUNT, COMPUTED, "Confrontatiematrix", "Confrontation matrix"),
    _W(23, "swot-naar-hap", "Werkwijze van SWOT naar HoofdAandachtsPunten", "From SWOT to main focus points (HAP)", ACCOUNT, COMPUTED, "HAP", "HAP"),
    _W(24, "brainwriting", "Creatieve sessie: brainwriting-formulier", "Creative session: brainwriting form", ACCOUNT, COMPUTED, "Brainwriting", "Brainwriting"),
    _W(25, "invalshoeken", "Creatieve sessie: invalshoeken per HoofdAandachtsPunt", "Creative session: angles per main focus point", ACCOUNT, INPUT, "Invalshoeken", "Angles"),
    _W(26, "keuzematrix", "Keuzematrix", "Choice matrix", ACCOUNT, COMPUTED, "Keuzematrix", "Choice matrix"),
    _W(27, "projectformulier", "Projectformulier", "Project form", ACCOUNT, INPUT, "Projecten", "Projects"),
    _W(28, "projectplanning", "Projectplanning", "Project planning", ACCOUNT, COMPUTED, "Planning", "Planning"),
    _W(29, "begroting", "Begroting van kosten en opbrengsten", "Budget of costs and benefits", ACCOUNT, COMPUTED, "Begroting", "Budget"),
    _W(30, "doelenboom", "Doelenboom accountplan", "Account plan goal tree", ACCOUNT, COMPUTED, "Doelenboom", "Goal tree"),
    _W(31, "voorwaarden-invoering", "Voorwaarden voor de invoering van key-account management", "Conditions for introducing key-account management", ORGANISATION, COMPUTED, "Voorwaarden", "Conditions"),
    _W(32, "profiel-kam", "Profiel van de key-account manager", "Profile of the key-account manager", ORGANISATION, COMPUTED, "Profiel KAM", "KAM profile"),
    _W(33, "teamrollen-vragenlijst", "Vragenlijst zelfperceptie teamrolanalyse", "Team-role self-perception questionnaire", ORGANISATION, INPUT, "Teamrollen vragenlijst", "Team roles questionnaire"),
    _W(34, "teamrollen-scoring", "Scoringstabel teamrolanalyse", "Team-role scoring table", ORGANISATION, COMPUTED, "Teamrollen scoring", "Team roles scoring"),
)

BY_NUMBER = {worksheet.number: worksheet for worksheet in WORKSHEETS}


def worksheet(number: int) -> Worksheet:
    return BY_NUMBER[number]


def worksheets_of(kind: str) -> list[Worksheet]:
    return [worksheet for worksheet in WORKSHEETS if worksheet.kind == kind]
