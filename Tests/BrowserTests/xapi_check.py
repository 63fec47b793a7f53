"""Checks xAPI statements with an independent implementation: ralph's pydantic model of an xAPI 1.0.3
statement (PyPI ralph-malph). Reads a JSON array of statements on standard input, prints one line per
invalid statement, exits 1 when any is invalid. Runs in its own virtual environment (Scripts/test)."""
import json
import sys

from pydantic import ValidationError
from ralph.models.xapi.base.statements import BaseXapiStatement


def main():
    statements = json.load(sys.stdin)
    invalid = 0
    for index, statement in enumerate(statements):
        try:
            BaseXapiStatement(**statement)
        except ValidationError as error:
            invalid += 1
            problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
            print(f"statement {index} ({statement.get('verb', {}).get('id')}): {problems}")
    print(f"{len(statements)} statements, {invalid} invalid")
    sys.exit(1 if invalid else 0)


if __name__ == "__main__":
    main()
