#!/usr/bin/env python3
"""Writes scenarios/.../england.yaml from default.yaml: the default place scaled to England.

Run from the repository root after changing default.yaml; BuiltInScenariosTest checks that the
two files stay in step (head counts, posts, beds, contracts, market size and planners x1000,
set-up x106, everything else equal).
"""
import re
import pathlib

DIR = pathlib.Path("scenarios/src/main/resources/phbsim/scenarios")
text = (DIR / "default.yaml").read_text()

HEADER = """# england: the default place scaled up to England, for benchmarking the whole model at scale.
# Written by scripts/derive-england.py from default.yaml: do not edit by hand.
#
# Head counts, referrals, posts, beds, contract fixed costs, the roll-out's market size, the
# planners and the post released in the second option are the default's x1000: the default's
# 1,500 people on community teams for 220,000 people, scaled to England's 1.46 million adults in
# contact with secondary mental health services in a month [mhsms-2025]. The budget programme's
# set-up is the default's x106. ASSUMPTION: one programme for each place of about 500,000 people
# (England's population of about 56 million over 106), since integrated care boards have merged
# the 211 CCGs of 2012 [ons-ccg-2012] into fewer, larger commissioners; the exact count of
# places that would each bear a set-up cost is not published.
# Every other value, and every source, is as in default.yaml; see that file for the reasoning.
#
"""

def scale(key, factor, s, integer=True):
    def repl(m):
        value = float(m.group(2))
        new = value * factor
        shown = str(int(round(new))) if integer and abs(new - round(new)) < 1e-9 else repr(round(new, 4))
        return m.group(1) + shown + m.group(3)
    return re.sub(r"(^\s*" + key + r": )([0-9.]+)(.*$)", repl, s, flags=re.M)

out = text
for key in ["startingCaseload", "referralsPerYear", "startingHolders", "posts", "fixedPerYear",
            "beds", "marketSize", "planners"]:
    out = scale(key, 1000, out)
out = scale("amount", 106, out)
out = out.replace("name: default", "name: england", 1)
out = re.sub(r"^description: .*$",
             "description: England-scale benchmark (about 1.5 million people in contact with secondary"
             " mental health services), the default place scaled x1000; 10 years.", out, count=1, flags=re.M)
out = re.sub(r"^years: 5 .*$", "years: 10                         # a longer horizon, for benchmarking",
             out, count=1, flags=re.M)
out = out.replace("label: The roll-out, and take one CMHT post out from April 2028",
                  "label: The roll-out, and take 1,000 CMHT posts out from April 2028")
out = out.replace("take one care coordinator post out of the adult teams' contract",
                  "take 1,000 care coordinator posts out of the adult teams' contracts")
out = out.replace("releases: [{decided: 2027-10-01, posts: 1}]",
                  "releases: [{decided: 2027-10-01, posts: 1000}]")
# The uncertainty section is the place's: it is left out of the benchmark.
cut = out.find("\n# How uncertain the figures")
if cut >= 0:
    out = out[:cut + 1]
(DIR / "england.yaml").write_text(HEADER + out)
print("wrote", DIR / "england.yaml")
