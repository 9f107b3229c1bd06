"""Generates raw/tjro_diary_2025.parquet, the fake TJRO diary extract read by
the `tjro_diary` staging model. Deterministic: same output on every run.

    python raw/make_raw.py            (from the causa_ganha project directory)

Each row is one judgement published in the diary: `partes` is a JSON object
naming the advocate of the plaintiff (`advocate`), the advocate of the
defendant (`opponent`) and the `outcome` from the plaintiff advocate's side:
win, loss or draw (partially granted).
"""
import datetime
import hashlib
import json
import os
import random

import duckdb

ADVOCATES = [
    "Ana Beatriz Lopes",
    "Carlos Eduardo Nunes",
    "Fernanda Rocha",
    "Gustavo Henrique Paz",
    "Juliana Teixeira",
    "Marcelo Antunes",
    "Patricia Quevedo",
    "Rafael Monteiro",
    "Silvia Barreto",
]
OUTCOMES = ["win", "loss", "draw"]
N_ROWS = 40


def rows():
    rnd = random.Random(1707)
    day = datetime.date(2025, 1, 6)
    for i in range(1, N_ROWS + 1):
        if i % 3 == 1 and i > 1:
            day += datetime.timedelta(days=rnd.choice([1, 2, 3, 7]))
        advocate, opponent = rnd.sample(ADVOCATES, 2)
        outcome = rnd.choices(OUTCOMES, [5, 4, 1])[0]
        case_number = f"70{rnd.randint(10000, 99999)}-{rnd.randint(10, 99)}.2024.8.22.{rnd.randint(1, 20):04d}"
        url = f"https://archive.example.org/tjro/{day.isoformat()}/diario_{day.strftime('%Y%m%d')}.pdf"
        partes = {
            "advocate": advocate,
            "opponent": opponent,
            "outcome": outcome,
            "case_number": case_number,
        }
        yield (
            i,
            day.isoformat(),
            url,
            hashlib.sha256(url.encode()).hexdigest(),
            json.dumps(partes, ensure_ascii=False),
        )


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "tjro_diary_2025.parquet")
    con = duckdb.connect()
    con.execute(
        "create table diary (id integer, date date, url_archive varchar, file_hash varchar, partes json)"
    )
    con.executemany("insert into diary values (?, ?, ?, ?, ?)", list(rows()))
    con.execute(f"copy (select * from diary order by id) to '{out}' (format parquet)")
    print(out, con.execute("select count(*) from diary").fetchone()[0], "rows")


if __name__ == "__main__":
    main()
