"""Writes a reproducible Google Merchant Center feed (TSV): generate.py ROWS OUT [CHANGED_PERCENT CHANGED_OUT].
The same seed always gives the same rows; the changed copy reprices every n-th row."""
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
changed_percent = int(sys.argv[3]) if len(sys.argv) > 3 else 0
changed_out = sys.argv[4] if len(sys.argv) > 4 else None
HEADER = "id\ttitle\tdescription\tprice\tavailability\tbrand\tgtin\timage_link\n"
WORDS = ["Trail", "Alpine", "Classic", "Compact", "Deluxe", "Rugged", "Travel", "Urban"]
THINGS = ["Tent", "Mug", "Lantern", "Jacket", "Scarf", "Blanket", "Backpack", "Stove"]
AVAILABILITY = ["in_stock", "in_stock", "in_stock", "out_of_stock", "preorder"]

rng = random.Random(20261123)
every = 100 // changed_percent if changed_percent else 0
with open(out, "w") as plain, (open(changed_out, "w") if changed_out else open("/dev/null", "w")) as changed:
    plain.write(HEADER)
    changed.write(HEADER)
    for i in range(rows):
        title = f"{rng.choice(WORDS)} {rng.choice(THINGS)} {i}"
        cents = rng.randint(100, 99_999)
        fields = [f"BENCH-{i:07d}", title, f"A {title.lower()} for the benchmark feed.", None,
                  rng.choice(AVAILABILITY), f"Brand{i % 97}", "", f"https://img.example.com/bench/{i}.jpg"]
        fields[3] = f"{cents / 100:.2f} EUR"
        plain.write("\t".join(fields) + "\n")
        if every and i % every == 0:
            fields[3] = f"{(cents + 1) / 100:.2f} EUR"
        changed.write("\t".join(fields) + "\n")
