"""Prints the report benchmark: the bare SQL aggregates against the sales-report job (CSV and PDF), and the ratio."""
import json
import sys
from datetime import datetime

orders = int(sys.argv[1])
sql_seconds = float(sys.argv[2])
csv_seconds, csv_status = float(sys.argv[3]), json.loads(sys.argv[4])
pdf_seconds, pdf_status = float(sys.argv[5]), json.loads(sys.argv[6])

for name, status in (("CSV", csv_status), ("PDF", pdf_status)):
    if status["status"] != "COMPLETED":
        print(f"WARNING: the {name} report ended {status['status']}: {status.get('exit_status')}")

print()
print(f"{orders:,} orders, all vendors, one year")
print(f"{'run':44} {'seconds':>8} {'x SQL':>7}")
print(f"{'bare SQL (three aggregates, psql)':44} {sql_seconds:8.2f} {1:7.2f}")
print(f"{'sales-report job, CSV (request to completed)':44} {csv_seconds:8.2f} {csv_seconds / sql_seconds:7.2f}")
print(f"{'sales-report job, PDF (request to completed)':44} {pdf_seconds:8.2f} {pdf_seconds / sql_seconds:7.2f}")


def in_server(status):
    """The job's own time, from its execution's creation to its end (the job repository's clock)."""
    parse = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))
    return (parse(status["ended_at"]) - parse(status["created_at"])).total_seconds()


instants = [list(map(float, arg.split())) for arg in sys.argv[7:9]]
for (name, status), span in zip((("CSV", csv_status), ("PDF", pdf_status)), instants or [None, None]):
    if status.get("created_at") and status.get("ended_at"):
        seconds = in_server(status)
        print(f"{'  of which the job, created to ended, ' + name:44} {seconds:8.2f} {seconds / sql_seconds:7.2f}")
        if span:
            parse = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()
            print(f"{'    request to created':44} {parse(status['created_at']) - span[0]:8.2f}")
            print(f"{'    ended to seen completed by the bench':44} {span[1] - parse(status['ended_at']):8.2f}")
csv_ratio, pdf_ratio = csv_seconds / sql_seconds, pdf_seconds / sql_seconds
print(f"\nratio CSV report / SQL: {csv_ratio:.2f} (target <= 1.5): {'PASS' if csv_ratio <= 1.5 else 'FAIL'}")
print(f"ratio PDF report / SQL: {pdf_ratio:.2f} (target <= 2): {'PASS' if pdf_ratio <= 2 else 'FAIL'}")
sys.exit(0 if csv_ratio <= 1.5 and pdf_ratio <= 2 else 1)
