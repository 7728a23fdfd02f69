"""Method rules of the portfolio (worksheets 1, 2 and 4–10)."""


def check(data):
    return []
