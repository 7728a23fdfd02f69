"""Synthetic portfolio inputs for the benchmarks: the example's criteria with N generated customers.

Run ``python benchmarks/generate.py --customers 1000 -o big.yaml`` for one
file, or ``--repository 200 -o repo/`` for a folder of inputs. The numbers
come from a seeded random generator, so the same arguments give the same files.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
from pathlib import Path

REPOSITORY_ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = REPOSITORY_ROOT / "inputs" / "yaml" / "hoekstra-portfolio.yaml"
SEED = 20260101
# Customers per input in the generated repository: about the size of the example portfolio.
REPOSITORY_CUSTOMERS = 40
INPUTS_PER_FOLDER = 20


def load_example(path: Path = EXAMPLE) -> dict:
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def synthetic_customer(criteria: list[dict], number: int, generator: random.Random) -> dict:
    """Return one customer with a value inside each banded criterion's range and a 1–5 score for the others."""
    revenue = round(generator.lognormvariate(12.0, 1.2), -2)
    margin = generator.uniform(-5.0, 25.0)
    customer = {
        "name": f"Klant {number:05d} B.V.",
        "code": f"{number:06d}",
        "revenue": revenue,
        "profit_contribution": round(revenue * margin / 100, 2),
        "values": {},
        "scores": {},
    }
    for criterion in criteria:
        code = criterion["code"]
        if criterion.get("scoring") == "bands" and criterion.get("bands"):
            bands = criterion["bands"]
            spread = (bands[-1] - bands[0]) or 1
            customer["values"][code] = round(generator.uniform(bands[0] - spread / 4, bands[-1] + spread / 4), 2)
        else:
            customer["scores"][code] = generator.randint(1, 5)
    if not customer["values"]:
        del customer["values"]
    return customer


def portfolio_with_customers(example: dict, count: int, organisation: str | None = None, seed: int = SEED) -> dict:
    """Return a copy of the example portfolio whose customer list is ``count`` generated customers."""
    generator = random.Random(seed)
    data = copy.deepcopy(example)
    if organisation:
        data["organisation"] = organisation
    data["customers"] = [synthetic_customer(data.get("criteria", []), number, generator) for number in range(1, count + 1)]
    return data


def write_yaml(path: Path, data: dict) -> Path:
    import yaml

    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_repository(folder: Path, inputs: int, customers: int = REPOSITORY_CUSTOMERS, example: dict | None = None) -> list[Path]:
    """Write ``inputs`` portfolios, each for its own organisation, in subfolders of at most 20 files."""
    example = example or load_example()
    paths = []
    for number in range(1, inputs + 1):
        data = portfolio_with_customers(example, customers, f"Benchmark Organisatie {number:03d} B.V.", seed=SEED + number)
        subfolder = f"afdeling-{(number - 1) // INPUTS_PER_FOLDER + 1:02d}"
        paths.append(write_yaml(folder / subfolder / f"portfolio-{number:03d}.yaml", data))
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--customers", type=int, help="write one portfolio with this many customers")
    group.add_argument("--repository", type=int, help="write a folder with this many portfolio inputs")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file (with --customers) or folder (with --repository)")
    arguments = parser.parse_args(argv)

    if arguments.customers is not None:
        write_yaml(arguments.output, portfolio_with_customers(load_example(), arguments.customers))
    else:
        write_repository(arguments.output, arguments.repository)
    return 0


if __name__ == "__main__":
    sys.exit(main())
