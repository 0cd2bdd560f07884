"""Rebuild messages.jsonl for corpus/dev/wire-releases from the PushEVs site repository.

Usage: python3 build.py /path/to/LITUATUI+pushevs.com/git-dir (standard library only).

Origin: LITUATUI/pushevs.com (Hugo source of pushevs.com, MIT licence), pinned commit below,
folder content/press-releases/: one markdown file per press release of an EV or battery
maker (front matter: title, external_url = the issuer's newsroom page, date), body = the
paragraph(s) of the release that the site republished. Files are taken in file-name
(date) order; the first LIMIT are kept. text = title + body, markdown kept as found,
trimmed to 2,000 characters. company = the issuer (whose newsroom external_url points to).
"""
import json
import re
import subprocess
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "messages.jsonl"
COMMIT = "b6b4490c3f94bc6fcda17806e7488e64c581c6cd"
FOLDER = "content/press-releases/"
LIMIT = 150
# position in file-name order (1-based) -> company whose "we" the release speaks for
SPEAKER = {
    1: "SVOLT", 2: "Dacia", 3: "SK On", 4: "Samsung SDI", 5: "Škoda Auto", 6: "Fiat",
    7: "NIO", 8: "LG Energy Solution", 9: "Samsung SDI", 10: "XPENG",
    11: "Hyundai Motor Company", 12: "CATL", 13: "XPENG", 14: "Mercedes-Benz", 15: "NIO",
    16: "General Motors", 17: "BYD", 18: "SVOLT", 19: "JLR (Range Rover)", 20: "Opel",
    21: "Volvo Cars", 22: "Volkswagen", 23: "MINI (BMW Group)", 24: "CATL", 25: "CATL",
    26: "Renault", 27: "Kia", 28: "Audi", 29: "Nissan", 30: "Toyota", 31: "Mazda",
    32: "XPENG", 33: "CATL", 34: "Opel", 35: "Kia America", 36: "Volkswagen", 37: "Kia",
    38: "Volkswagen", 39: "Stellantis", 40: "Kia", 41: "Kia", 42: "Ford", 43: "Volvo Cars",
    44: "Hyundai Motor Company", 45: "XPENG", 46: "Honda", 47: "Fiat", 48: "SK On",
    49: "Samsung SDI", 50: "SVOLT", 51: "CATL", 52: "Geely Auto", 53: "Hyundai Motor Company",
    54: "Opel", 55: "Škoda Auto", 56: "BYD", 57: "LG Energy Solution", 58: "Peugeot",
    59: "Stellantis", 60: "Opel", 61: "Stellantis", 62: "SVOLT", 63: "Opel", 64: "SVOLT",
    65: "Lucid", 66: "Volkswagen", 67: "LG Energy Solution", 68: "GAC AION", 69: "Opel",
    70: "Samsung SDI", 71: "Peugeot", 72: "Geely Auto", 73: "Nissan", 74: "Volkswagen",
    75: "XPENG", 76: "Samsung SDI", 77: "XPENG", 78: "Hyundai Motor Company", 79: "Nissan",
    80: "Geely Auto",
    81: "Panasonic Energy", 82: "Samsung SDI", 83: "Audi", 84: "StoreDot", 85: "Tata Motors",
    86: "Opel", 87: "XPENG", 88: "Kia", 89: "Peugeot", 90: "CATL", 91: "Samsung SDI",
    92: "XPENG", 93: "Leapmotor International", 94: "Peugeot", 95: "Kia", 96: "XPENG",
    97: "Kia", 98: "Volkswagen", 99: "LG Energy Solution", 100: "Leapmotor International",
    101: "Peugeot", 102: "Opel", 103: "Fiat", 104: "Renault", 105: "Leapmotor International",
    106: "Nissan", 107: "Citroën", 108: "Audi", 109: "Leapmotor International", 110: "Citroën",
    111: "Peugeot", 112: "ProLogium", 113: "Renault", 114: "MINI (BMW Group)",
    115: "Hyundai Motor Company", 116: "LG Energy Solution", 117: "Ford", 118: "Kia America",
    119: "Samsung SDI", 120: "CATL", 121: "Xiaomi", 122: "BYD", 123: "Honda",
    124: "EVE Energy", 125: "General Motors", 126: "Ford", 127: "LG Energy Solution",
    128: "EVE Energy", 129: "Škoda Auto", 130: "Leapmotor International", 131: "CATL",
    132: "Opel", 133: "Ford", 134: "Toyota", 135: "Leapmotor International",
    136: "Panasonic Energy", 137: "Toyota", 138: "LG Energy Solution", 139: "Renault",
    140: "Volkswagen", 141: "Peugeot", 142: "Škoda Auto", 143: "Aptera", 144: "Fiat",
    145: "Toyota", 146: "Volkswagen", 147: "Kia", 148: "Toyota", 149: "Ford", 150: "SK On",
}


def git(gitdir, *args):
    return subprocess.run(["git", "--git-dir", gitdir, *args], capture_output=True,
                          check=True).stdout.decode("utf-8")


def releases(gitdir):
    names = sorted(n for n in git(gitdir, "ls-tree", "-r", "--name-only", COMMIT, FOLDER).split()
                   if n.endswith(".md") and not n.endswith("_index.md"))
    for pos, name in enumerate(names[:LIMIT], start=1):
        _, front, body = git(gitdir, "show", f"{COMMIT}:{name}").split("---\n", 2)
        # a few titles wrap onto a second front-matter line
        title = " ".join(re.search(r'^title: "(.*?)"\s*$', front, re.M | re.S).group(1).split())
        url = re.search(r'^external_url: "(.*)"$', front, re.M).group(1)
        date = re.search(r'^date: "(\d{4}-\d{2}-\d{2})"$', front, re.M).group(1)
        host = re.sub(r"^www\.", "", url.split("/")[2])
        yield {"id": f"wire-releases-{pos}", "source": "gmail", "sender": f"press@{host}",
               "channel": "press", "thread_id": None, "subject": title,
               "timestamp": f"{date}T12:00:00+00:00",
               "text": (title + "\n\n" + body.strip())[:2000], "company": SPEAKER[pos]}


def main():
    rows = list(releases(sys.argv[1]))
    with OUT.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} messages -> {OUT}")


if __name__ == "__main__":
    main()
