"""Writes a benchmark's result files in the format of ../shared/BENCH.md: bench/results/<name>.json
and <name>.md (the setup line and a table of the metrics), and prints the table."""
import datetime
import json


def write(out, name, commit, setup, metrics):
    result = {
        "name": name,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "machine": "2 cores, 24 GiB",
        "commit": commit,
        "setup": setup,
        "metrics": metrics,
    }
    with open(f"{out}/{name}.json", "w") as f:
        json.dump(result, f, indent=2)
    with open(f"{out}/{name}.md", "w") as md:
        md.write(f"# bench/{name}\n\n{setup}\n\nCommit {commit}, {result['date']}.\n\n")
        md.write("| metric | value | unit | goal |\n|---|---|---|---|\n")
        for key, value in metrics.items():
            md.write(f"| {key} | {value['value']} | {value['unit']} | {value['goal']} |\n")
    with open(f"{out}/{name}.md") as md:
        print(md.read())
