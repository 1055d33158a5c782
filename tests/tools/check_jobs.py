"""Reads a built site's job data the way other software would, and judges it.

Usage: python3 check_jobs.py PUBLIC_DIR POSTING_PAGE...

The schema.org JobPosting JSON-LD is extracted from each posting page by extruct (an
independent parser of structured data in HTML) and read from jobs.json by json; jobs.csv is
read by Python's csv module, jobs.lever.json and jobs.greenhouse.json by json. Each
JobPosting is checked for the properties Google's job-posting guidelines require
(title, description, datePosted, hiringOrganization, and jobLocation or, for a remote job,
applicantLocationRequirements with jobLocationType TELECOMMUTE) and the types of the
recommended ones it has (validThrough, baseSalary, employmentType, identifier).

Prints one JSON object: what was read from each file (for the Rust test to compare with the
briefs) and `problems`, every rule broken, in words.
"""

import csv
import datetime
import html.parser
import json
import os
import sys

import extruct

EMPLOYMENT_TYPES = {
    "FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER",
    "PER_DIEM", "OTHER",
}
UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}


def is_date(text):
    try:
        datetime.date.fromisoformat(text)
        return True
    except (TypeError, ValueError):
        return False


def typed(value, kinds):
    return isinstance(value, dict) and value.get("@type") in kinds


def as_list(value):
    return value if isinstance(value, list) else [value]


def job_posting_problems(where, ld):
    problems = []

    def need(condition, what):
        if not condition:
            problems.append(f"{where}: {what}")

    need(ld.get("@context") in ("https://schema.org", "http://schema.org"),
         "@context is schema.org")
    need(ld.get("@type") == "JobPosting", "@type is JobPosting")
    need(isinstance(ld.get("title"), str) and ld["title"].strip(), "a title")
    description = ld.get("description")
    need(isinstance(description, str) and "<h2>" in description and "<p>" in description,
         "a description in HTML")
    need(is_date(ld.get("datePosted")), "datePosted is a date")
    organization = ld.get("hiringOrganization")
    need(typed(organization, {"Organization"}) and organization.get("name"),
         "hiringOrganization is an Organization with a name")
    places = as_list(ld.get("jobLocation", []))
    remote = ld.get("jobLocationType") == "TELECOMMUTE"
    if places:
        for place in places:
            address = place.get("address") if isinstance(place, dict) else None
            need(typed(place, {"Place"}) and typed(address, {"PostalAddress"})
                 and address.get("addressLocality") and address.get("addressCountry"),
                 "each jobLocation is a Place with a PostalAddress (locality, country)")
    else:
        need(remote, "a jobLocation, or jobLocationType TELECOMMUTE")
    if remote:
        regions = ld.get("applicantLocationRequirements")
        need(isinstance(regions, list) and regions
             and all(typed(r, {"Country", "AdministrativeArea"}) and r.get("name")
                     for r in regions),
             "a remote job names applicantLocationRequirements (Country or AdministrativeArea)")
    if "validThrough" in ld:
        need(is_date(ld["validThrough"]), "validThrough is a date")
        if is_date(ld["validThrough"]) and is_date(ld.get("datePosted")):
            need(ld["validThrough"] >= ld["datePosted"], "validThrough is not before datePosted")
    if "employmentType" in ld:
        need(all(t in EMPLOYMENT_TYPES for t in as_list(ld["employmentType"])),
             "employmentType is one of schema.org's")
    if "baseSalary" in ld:
        salary = ld["baseSalary"]
        value = salary.get("value") if isinstance(salary, dict) else None
        need(typed(salary, {"MonetaryAmount"}) and isinstance(salary.get("currency"), str)
             and len(salary["currency"]) == 3 and salary["currency"].isupper(),
             "baseSalary is a MonetaryAmount in an ISO 4217 currency")
        need(typed(value, {"QuantitativeValue"})
             and isinstance(value.get("minValue"), (int, float))
             and isinstance(value.get("maxValue"), (int, float))
             and value["minValue"] <= value["maxValue"]
             and value.get("unitText") in UNITS,
             "baseSalary.value is a QuantitativeValue with minValue <= maxValue and a unitText")
    if "identifier" in ld:
        identifier = ld["identifier"]
        need(typed(identifier, {"PropertyValue"}) and identifier.get("value"),
             "identifier is a PropertyValue with a value")
    if "directApply" in ld:
        need(isinstance(ld["directApply"], bool), "directApply is true or false")
    return problems


class Scripts(html.parser.HTMLParser):
    """The script elements of a page, as an HTML parser sees them."""

    def __init__(self):
        super().__init__()
        self.scripts = []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs).get("type"))


def main():
    public, pages = sys.argv[1], sys.argv[2:]
    problems = []
    out = {"pages": {}}
    for page in pages:
        with open(os.path.join(public, page), encoding="utf-8") as f:
            text = f.read()
        data = extruct.extract(text, syntaxes=["json-ld"], uniform=False)
        found = [ld for ld in data["json-ld"] if ld.get("@type") == "JobPosting"]
        if len(found) != 1:
            problems.append(f"{page}: one JobPosting in its JSON-LD, found {len(found)}")
        for ld in found:
            problems.extend(job_posting_problems(page, ld))
        parser = Scripts()
        parser.feed(text)
        if parser.scripts != ["application/ld+json"]:
            problems.append(f"{page}: one script element, of JSON-LD; found {parser.scripts}")
        out["pages"][page] = found
    with open(os.path.join(public, "jobs.json"), encoding="utf-8") as f:
        jobs = json.load(f)
    if not isinstance(jobs, list):
        problems.append("jobs.json: a JSON array")
        jobs = []
    for i, ld in enumerate(jobs):
        problems.extend(job_posting_problems(f"jobs.json[{i}]", ld))
    out["jobs"] = jobs
    with open(os.path.join(public, "jobs.csv"), encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw and not raw.endswith("\r\n"):
        problems.append("jobs.csv: RFC 4180 records end in CRLF")
    rows = list(csv.reader(raw.splitlines(keepends=True), strict=True))
    header, records = rows[0], rows[1:]
    if any(len(r) != len(header) for r in records):
        problems.append("jobs.csv: every record has as many fields as the header")
    out["csv"] = {"header": header, "rows": [dict(zip(header, r)) for r in records]}
    for name in ("jobs.lever.json", "jobs.greenhouse.json"):
        with open(os.path.join(public, name), encoding="utf-8") as f:
            out[name] = json.load(f)
    out["problems"] = problems
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
