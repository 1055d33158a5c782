# Die Texte des Standard-Themes auf Deutsch (Sie-Form). Dieselben Message-IDs wie en.ftl.
# Fluent-Syntax: https://projectfluent.org/fluent/guide/

# A label before its text ("Location: Hamburg"); French puts a no-break space before the colon.
label-colon = { $label }:

## Datum und Zahlen

date-long = { $day }. { $month } { $year }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember

## Jede Seite

skip-to-content = Zum Inhalt springen
search-label = Rollenprofile und Leitfäden durchsuchen
search-placeholder = Suchen
search-results = Suchergebnisse
search-no-results = Kein Rollenprofil und kein Leitfaden passt zur Suche.
nav-label = Playbook
guides-label = Leitfäden
nav-roles = Rollen
nav-capability-matrix = Kompetenzmatrix
# A soft hyphen (U+00AD) marks where the long word breaks on a phone.
nav-hiring-sequence = Einstellungs­reihenfolge
nav-team-plan = Einstellungsplan
nav-capabilities = Kompetenzen
nav-archetypes = Rollentypen
nav-tags = Schlagwörter
nav-whole-playbook = Gesamtes Playbook
nav-health = Qualitätsprüfung

## Seite eines Rollenprofils

reports-to = berichtet an { $name }
based-on = Abgeleitet von
based-on-inherits = : Alle Felder, die dieses Profil nicht selbst festlegt, werden von dort übernommen.
brief-actions-label = Dieses Rollenprofil verwenden
copy-markdown = Als Markdown kopieren
copy-text = Als Text kopieren
job-post = Stellenanzeige
copy-posting = Stellenanzeige kopieren
interview-kit = Interviewleitfaden
internal = Intern
interview-kit-description = Ablauf, Interviewfragen, Bewertungsanker und Bewertungsbogen, auf zwei Seiten druckbar
source = Quelle:
edit-page = Diese Seite bearbeiten
last-reviewed = Zuletzt geprüft
reviewed-not-recorded = nicht erfasst
reviewed-not-recorded-changed = nicht erfasst; die Datei wurde zuletzt geändert am
last-changed = Zuletzt geändert
maintainer = Verantwortlich

## Meldungen der Kopier-Schaltflächen

js-copied = Kopiert.
js-copy-blocked = Kopieren ist hier gesperrt. Bitte nutzen Sie stattdessen den Download-Link.
js-copied-formatted = Kopiert, mit Überschriften und Listen.
js-copied-selected-insecure = Durch Markieren der Anzeige kopiert, mit Überschriften und Listen (diese Seite wird nicht über HTTPS ausgeliefert).
js-copied-selected-unsupported = Durch Markieren der Anzeige kopiert, mit Überschriften und Listen (dieser Browser kann keinen formatierten Text in die Zwischenablage legen).
js-copied-selected-refused = Durch Markieren der Anzeige kopiert, mit Überschriften und Listen (der Browser hat den Zugriff auf die Zwischenablage verweigert).
js-copy-post-blocked = Kopieren ist hier gesperrt. Öffnen Sie posting.html und kopieren Sie die Anzeige dort, oder nutzen Sie einen Download-Link.

## Felder eines Rollenprofils

outcome = Ziel
decisions-this-role-owns = Entscheidungen dieser Rolle
success = Erfolg
horizon-90d = 90 Tage
horizon-6m = 6 Monate
horizon-12m = 12 Monate
not-stated = Nicht angegeben
capabilities = Kompetenzen
capability-primary = Kernkompetenz
capability-secondary = Zusatzkompetenz
how-it-fits = Einbindung ins Unternehmen
no-interfaces = Keine Schnittstellen angegeben.
owns-after-launch = Verantwortung im laufenden Betrieb
owns-after-launch-missing = Nicht angegeben: Wer ist zuständig, sobald das System live ist?
adapted-by = Abgeleitete Profile
briefs-based-on-this = Auf diesem Profil aufbauend:
hiring-sequence = Einstellungs­reihenfolge
hire-after = Einstellen nach
hire-after-nothing = keiner anderen Stelle; diese kann als erste besetzt werden
prepares-for = Bereitet vor für
constraints = Rahmenbedingungen
tools = Werkzeuge
internal-notes = Interne Notizen
interview-probes = Interviewfragen
no-probes = Noch keine Fragen, mit denen Bewerbende nachweisen, was sie umgesetzt haben.
red-flags = Warnsignale
none-listed = Keine angegeben.
on-this-page = Auf dieser Seite
status = Status
status-open = ausgeschrieben: Besetzung läuft
status-filled = besetzt
status-planned = geplant
status-open-short = ausgeschrieben
status-filled-short = besetzt
status-planned-short = geplant
headcount = { $count ->
    [one] { $count } Stelle
   *[other] { $count } Stellen
}

## Schnittstellen

interface-product = Produkt
interface-data = Daten
interface-security = Sicherheit
interface-it = IT
interface-operations = Betrieb
interface-hr = Personal
interface-legal = Recht
interface-finance = Finanzen

## Startseite und Listen

start-with = Zum Einstieg:
staffing = Besetzung
playbook-health = Qualitätsprüfung
findings-to-review = { $count ->
    [one] { $count } Hinweis zu prüfen
   *[other] { $count } Hinweise zu prüfen
}
no-findings = keine Hinweise
waived-with-reasons = { $count } bewusst zugelassen, jeweils begründet
the-team-plan = Der Einstellungsplan
team-plan-description = Die eigenen Rollenprofile des Unternehmens, abgeleitet von den Rollentypen unten, in Einstellungsreihenfolge.
archetype-library = Die Bibliothek der Rollentypen
count-briefs = { $count ->
    [one] { $count } Rollenprofil
   *[other] { $count } Rollenprofile
}
no-brief-of-archetype = Noch kein Rollenprofil dieses Typs.
nothing-here-yet = Noch keine Einträge.
owned-as-primary-by = Als Kernkompetenz verantwortet von
briefs = Rollenprofile
capability-unowned = Kein Rollenprofil hat diese Kompetenz als Kernkompetenz: Für diese Arbeit ist niemand zuständig.
no-brief-yet = Noch kein Rollenprofil.
also-secondary-by = Als Zusatzkompetenz außerdem bei

## Weitere Seiten

page-not-found = Seite nicht gefunden
not-found-go-back = Diese Seite gibt es nicht oder sie wurde verschoben. Zurück zum
not-found-the-playbook = Playbook
whole-playbook = Das gesamte Playbook
print-title = { $site }: das gesamte Playbook
print-lead = Alle Rollenprofile in Einstellungsreihenfolge auf einer Seite – zum Drucken und für Wikis, die nur einzelne Seiten übernehmen.
print-kit-note = Interviewfragen und Warnsignale stehen im Interviewleitfaden des jeweiligen Profils
print-kit-note-where = {" "}neben seiner Seite
contents = Inhalt
sequence-lead = Die Reihenfolge, die sich aus
sequence-lead-rest = {" "}der Rollenprofile ergibt: Jede Einstellung soll die nächste erleichtern. Bei Gleichstand entscheidet der Rollentyp, dann der Titel.
sequence-graph = Grafik der Einstellungsreihenfolge
sequence-caption = Jeder Pfeil führt von einer Einstellung zu einer, die danach folgen sollte.
sequence-graph-title = Einstellungsreihenfolge: Jeder Pfeil führt von einer Einstellung zu der, die danach folgen sollte
sequence-legend = Darstellung nach Rollentyp
in-seat-since = besetzt seit { $quarter }
starts = Beginn { $quarter }
after = nach
can-be-first-hire = kann als erste Stelle besetzt werden

## brief.md und brief.txt

brief-outcome = Das Ergebnis, für das wir einstellen
brief-decide = Worüber Sie entscheiden
brief-own-live = Wofür Sie im laufenden Betrieb verantwortlich sind
brief-measure-success = Woran wir den Erfolg messen
brief-fits = Einbindung ins Unternehmen
brief-shapes = Rahmenbedingungen
brief-reports-to = Berichtet an:

## Die Stellenanzeige

posting-what-this-role-is-for = Worum es in dieser Position geht
posting-you-will-report-to = Sie berichten an
posting-the-outcome-you-will-be-hired-to-deliver = Das Ergebnis, für das wir Sie einstellen
posting-what-you-will-own = Was Sie verantworten
posting-decisions-you-will-make = Worüber Sie entscheiden
posting-once-systems-are-live = Im laufenden Betrieb
posting-who-you-will-work-with = Mit wem Sie zusammenarbeiten
posting-what-shapes-the-work = Rahmenbedingungen
posting-how-you-will-know-it-is-working = Woran Sie Ihren Erfolg erkennen
posting-after-90-days = Nach 90 Tagen
posting-after-6-months = Nach 6 Monaten
posting-after-12-months = Nach 12 Monaten
posting-what-we-look-for = Was Sie mitbringen
posting-level = Karrierestufe
posting-where-you-will-be-strongest = Ihre Schwerpunkte
posting-where-you-will-also-contribute = Wo Sie außerdem mitwirken
posting-tools-you-will-use = Ihre Werkzeuge
posting-where-you-will-work-and-what-you-will-earn = Arbeitsort und Vergütung
posting-location = Arbeitsort
posting-remote-from = Remote-Arbeit möglich aus
posting-working-pattern = Arbeitsmodell
posting-contract = Vertragsart
posting-pay = Vergütung
posting-about-us = Über uns
posting-what-we-offer = Was wir bieten
posting-website = Website
posting-how-to-apply = So bewerben Sie sich
posting-apply = Bewerbung
posting-applications-close = Bewerbungsschluss
posting-equal-opportunity = Chancengleichheit

work-model-onsite = Vor Ort
work-model-hybrid = Hybrid (teils im Büro, teils mobil)
work-model-remote = Vollständig remote
employment-full-time = Vollzeit
employment-part-time = Teilzeit
employment-contract = Freie Mitarbeit
employment-temporary = Befristet
employment-internship = Praktikum

pay-range = { $min }–{ $max } { $currency } { $period ->
    [month] im Monat
    [week] pro Woche
    [day] pro Tag
    [hour] pro Stunde
   *[year] im Jahr
}
pay-amount = { $min } { $currency } { $period ->
    [month] im Monat
    [week] pro Woche
    [day] pro Tag
    [hour] pro Stunde
   *[year] im Jahr
}

## Kompetenzmatrix und Besetzung

matrix-lead-team = Der Einstellungsplan (die Rollenprofile in
matrix-lead-team-end = )
matrix-lead-every = Alle Rollenprofile
matrix-lead = im Abgleich mit dem Kompetenzkatalog, in Einstellungsreihenfolge.
matrix-lead-primary = kennzeichnet eine Kernkompetenz (die Rolle verantwortet sie),
matrix-lead-secondary = eine Zusatzkompetenz.
staffing-counts-label = Kompetenzen nach Besetzungsstand
staffing-staffed = besetzt
staffing-covered = vertreten
staffing-hiring = in Besetzung
staffing-planned = nur geplant
staffing-unowned = ohne Verantwortliche
staffing-table-label = Besetzung nach Kompetenz
staffing-caption = Jede Kompetenz und die Rollenprofile des Teams, die sie als Kernkompetenz haben
capability = Kompetenz
staffing-state = Stand
held-as-primary-by = Als Kernkompetenz bei
held-by = Verantwortet von
people = { $count } Personen
bundled = gebündelt
bundled-title-staffing = ein Profil verlangt mehrere Jobs auf einmal (bundled-role): Es hält diese Kompetenz, ohne sie tatsächlich abzudecken
bundled-title = ein Profil verlangt mehrere Jobs auf einmal (bundled-role)
nobody = niemand
covered-by = vertreten durch { $name }
cover-existing-staff = eigene Mitarbeitende
cover-partner = Partner
cover-contractor = Freelancer
cover-until = bis { $until }, für
work-with-no-owner = Arbeit ohne Verantwortliche:
gaps-no-primary = { $count ->
    [one] Kein Rollenprofil hat sie als Kernkompetenz.
   *[other] Kein Rollenprofil hat sie als Kernkompetenz.
}
every-capability-owned = Jede Kompetenz hat eine Verantwortliche oder einen Verantwortlichen: Mindestens ein Rollenprofil hat sie als Kernkompetenz.
roles-by-capabilities = Rollen × Kompetenzen
role = Rolle
no-owner = ohne Verantwortliche
none = keine
primary-holders = Als Kernkompetenz
secondary-holders = Als Zusatzkompetenz

## Qualitätsprüfung. Die Meldungen selbst bleiben englisch (sie stammen von gen check).

health-lead = Was
health-lead-rest = in diesen Rollenprofilen findet: die Muster, die starke Bewerbende abschrecken oder eine Einstellung zum Scheitern verurteilen.
findings-in-files = { $count ->
    [one] { $count } Hinweis
   *[other] { $count } Hinweise
} in { $files ->
    [one] { $files } Datei
   *[other] { $files } Dateien
}
waived = { $count } bewusst zugelassen
listed-below = Liste unten
by-lint-label = Hinweise je Prüfregel
by-lint-caption = Hinweise je Prüfregel, die häufigsten zuerst
col-lint = Prüfregel
col-level = Stufe
col-findings = Hinweise
col-files = Dateien
health-more = … und { $count ->
    [one] { $count } weiterer Hinweis
   *[other] { $count } weitere Hinweise
} in { $files ->
    [one] { $files } weiteren Datei
   *[other] { $files } weiteren Dateien
}:
health-more-rest = listet alle auf.
level-warning = Hinweis
level-error = Fehler
level-waived = zugelassen
line-column = Zeile { $line }, Spalte { $column }
healthy-with-waivers = Keine Hinweise zählen gegen diese Rollenprofile; { $count ->
    [one] { $count } ist
   *[other] { $count } sind
} bewusst zugelassen, jeweils mit der Begründung des Profils
healthy = Keine Hinweise: Jedes Rollenprofil nennt ein Ziel mit messbarer Vorgabe, den Erfolg nach 90 Tagen, 6 und 12 Monaten, die Verantwortung im laufenden Betrieb und die Einbindung in Produkt, Daten, Sicherheit und IT.
readiness-title = Bereit für die Ausschreibung
readiness-lead = Bevor eine Suche beginnt, sollte das Rollenprofil jede Frage des Intake-Gesprächs beantworten: das Ziel, die Entscheidungen der Rolle, die Verantwortung im laufenden Betrieb, die Kernkompetenzen, die Einbindung in Produkt, Daten, Sicherheit und IT, den Erfolg nach 90 Tagen, 6 und 12 Monaten, die Rahmenbedingungen und an wen die Rolle berichtet. Sind diese Antworten unklar, sollte die Suche ruhen, bis sie geklärt sind:
readiness-lead-rest = schlägt bei einem ausgeschriebenen Profil fehl, das eine davon offenlässt.
readiness-table-label = Ausschreibungsreife jedes Rollenprofils im Team
readiness-caption = Jedes Rollenprofil des Teams und die Intake-Fragen, die es offenlässt
brief = Rollenprofil
ready = Bereit
not-ready = Nicht bereit:
search-should-pause = ausgeschrieben: Die Suche sollte ruhen
waived-findings = Bewusst zugelassene Hinweise
waivers-lead = Hinweise, die ein Rollenprofil selbst zulässt, mit
waivers-lead-rest = , jeweils mit seiner Begründung. Sie werden oben nicht mitgezählt; eine Ausnahme ohne Begründung ist selbst ein Hinweis
waived-where = { $file }, Zeile { $line }; wäre { $level ->
    [error] ein Fehler
   *[other] ein Hinweis
}
reason = Begründung:
no-reason = Keine Begründung angegeben.
cell-primary = Kernkompetenz
cell-secondary = Zusatzkompetenz

## Languages (switcher, missing translations)
language-switcher-label = Sprache
missing-translations = Fehlende Übersetzungen
missing-translations-lead = Die Rollenprofile und Leitfäden, die in einer Sprache noch nicht übersetzt sind (eine Übersetzung liegt als
missing-translations-lead-rest = neben ihrer Seite). Der Sprachbaum lässt sie aus, und die Sprachauswahl führt von ihnen zur Startseite der Sprache.
count-untranslated = { $count } nicht übersetzt
every-page-translated = Alle Seiten sind übersetzt.

## Paged listings
pagination-label = Seitennavigation
page-of = Seite { $number } von { $pages }
page-of-lower = Seite { $number } von { $pages }
page-of-briefs = Seite { $number } von { $pages } der Rollenprofile
page-number = Seite { $number }
page-word = Seite
previous = Zurück
next = Weiter
continued = Fortsetzung

## Interviewleitfaden (`<slug>.kit.html`)

kit-title = Interviewleitfaden: { $title }
kit-internal-mark = Intern · für das Einstellungsteam · nicht für Bewerbende
kit-mission = Wofür es diese Rolle gibt
kit-outcome = Das Ziel
kit-loop = Interviewablauf
kit-default-loop-archetype = Der Standardablauf für den Rollentyp „{ $archetype }“. Einen eigenen legen Sie mit
kit-default-loop-brief = Der Standardablauf für dieses Rollenprofil. Einen eigenen legen Sie mit
kit-default-loop-rest = im Rollenprofil fest.
kit-col-stage = Runde
# A soft hyphen lets the column's heading break on a phone.
kit-col-interviewer = Gesprächs­führung
kit-col-rates = Bewertet
kit-col-probes = Fragen
kit-probe-number = F{ $number }
kit-capabilities = Kompetenzen, Interviewfragen und Bewertungsmaßstäbe
kit-weight-primary = Kernkompetenz
kit-weight-secondary = Zusatzkompetenz
kit-weight-assessed = zusätzlich bewertet
kit-rated-in = Bewertet in { $count ->
    [one] Runde
   *[other] den Runden
} { $stages }.
kit-general-probes = Allgemeine Fragen
kit-no-red-flags = Im Rollenprofil sind keine aufgeführt.
kit-scorecard = Bewertungsbogen
kit-candidate = Bewerber/in
kit-date = Datum
kit-evidence-notes = Belege und Notizen
kit-red-flags-observed = Beobachtete Warnsignale
kit-rate-advice = Bewerten Sie, was die Person im Gespräch belegt hat, nicht Ihren Eindruck.
kit-recommendation = Empfehlung:
kit-strong-hire = Unbedingt einstellen
kit-hire = Einstellen
kit-no-hire = Nicht einstellen
kit-strong-no-hire = Auf keinen Fall einstellen
kit-rating-1 = Kein Nachweis
kit-rating-2 = Teilweise belegt
kit-rating-3 = Klar belegt
kit-rating-4 = Überzeugend belegt
kit-anchor-1 = Keine eigene Arbeit im Bereich { $name }: nur Allgemeines oder die Arbeit anderer.
kit-anchor-2 = Ein Beispiel, nur teilweise eigene Arbeit oder noch nicht in Produktion.
kit-anchor-3 = Eigene Arbeit im Bereich { $name }, durchgängig verantwortet, mit benennbaren Ergebnissen.
kit-anchor-4 = Wiederholt im Bereich { $name } gearbeitet und auch nach dem Go-live verantwortet; kann sagen, was heute anders laufen sollte.
kit-hiring-manager = Die einstellende Führungskraft
kit-hiring-manager-of = Die einstellende Führungskraft ({ $name })
kit-stage-leader-1 = Erstgespräch mit der Führungskraft
kit-stage-leader-1-purpose = Umfang und Motivation: Nennt die Person ein System, das live ging und im Betrieb blieb, und wer es am Tag nach dem Go-live verantwortete?
kit-stage-leader-2 = Fallstudie zu Strategie und Ziel
kit-stage-leader-2-interviewer = Die einstellende Führungskraft und eine Ansprechperson aus Finanzen oder Betrieb
kit-stage-leader-2-purpose = Vom Ziel des Rollenprofils aus skizziert die Person ihre ersten 12 Monate: die ersten Einstellungen, was nach 90 Tagen live ist und was sie stoppen würde.
kit-stage-leader-3 = Gespräch mit den Stakeholdern
kit-stage-leader-3-interviewer = Leitungen der Teams, mit denen die Rolle zusammenarbeitet: Produkt, Daten, Sicherheit, IT
kit-stage-leader-3-purpose = Die politische Arbeit des ersten Quartals: bei den Teams, auf die die Rolle angewiesen ist, Zeit, Datenzugang und Prüfungen gewinnen.
kit-stage-leader-4 = Referenzen
kit-stage-leader-4-interviewer = Die einstellende Führungskraft mit zwei Referenzen aus früheren Teams
kit-stage-leader-4-purpose = Erfahrung zählt in Systemen, nicht in Titeln: Für wie viele produktive Systeme war die Person verantwortlich, und was geschah nach dem Go-live?
kit-stage-builder-1 = Technisches Erstgespräch
kit-stage-builder-1-purpose = Ein produktives System, das die Person gebaut hat: die Daten, die Evaluierung, das Deployment – und was kaputtging.
kit-stage-builder-2 = Praxisaufgabe: Bauen und Evaluieren
kit-stage-builder-2-interviewer = Zwei Engineers aus dem Team
kit-stage-builder-2-purpose = Unsaubere Daten: Fragen Sie nach einem Evaluierungsplan und einer Skizze für das Deployment, nicht nur nach einem Score.
kit-stage-builder-3 = Systemdesign
kit-stage-builder-3-interviewer = Ein Senior Engineer oder die Lösungsarchitektur
kit-stage-builder-3-purpose = Wie die Arbeit der Person in Produktion läuft: Monitoring, Rollback, Rufbereitschaft und die Plattform, auf der sie betrieben wird.
kit-stage-builder-4 = Passung ins Team
kit-stage-builder-4-interviewer = Die Produktverantwortung und eine Kollegin oder ein Kollege aus dem Team
kit-stage-builder-4-purpose = Wie die Person mit Produkt, Daten, Sicherheit und IT zusammenarbeitet und Probleme mit Belegen anspricht.
kit-stage-architect-1 = Technisches Erstgespräch
kit-stage-architect-1-purpose = Ein eigener Entwurf, der umgesetzt wurde und noch läuft: welche Abwägungen die Person getroffen hat und was sie heute ändern würde.
kit-stage-architect-2 = Systemdesign
kit-stage-architect-2-interviewer = Zwei Senior Engineers
kit-stage-architect-2-purpose = Ein Entwurf für das Ziel dieses Rollenprofils unter seinen Rahmenbedingungen, mit Deployment, Monitoring und Rollback.
kit-stage-architect-3 = Integrationsprüfung
kit-stage-architect-3-interviewer = Die Governance-Verantwortung und eine IT-Leitung
kit-stage-architect-3-purpose = Wie der Entwurf die Sicherheitsprüfung besteht, an seine Daten kommt und von der IT betrieben werden kann.
kit-stage-architect-4 = Passung ins Team und Referenzen
kit-stage-architect-4-interviewer = Engineers, die auf dem Entwurf aufbauen werden
kit-stage-architect-4-purpose = Ob das Team mit den Entwürfen der Person arbeiten kann und wie viele davon in Produktion gegangen sind.
kit-stage-generic-1 = Erstgespräch
kit-stage-generic-1-purpose = Umfang und Motivation und eine Arbeit, die die Person von Anfang bis Ende verantwortet hat.
kit-stage-generic-2 = Arbeitsprobe
kit-stage-generic-2-interviewer = Zwei Personen aus dem Team
kit-stage-generic-2-purpose = Eine Aufgabe aus den ersten 90 Tagen der Rolle – und woran die Person erkennen würde, dass sie erledigt ist.
kit-stage-generic-3 = Panelgespräch
kit-stage-generic-3-interviewer = Leitungen der Teams, mit denen die Rolle zusammenarbeitet
kit-stage-generic-3-purpose = Wie die Person mit den Teams zusammenarbeitet, auf die sie angewiesen ist.
kit-stage-generic-4 = Referenzen
kit-stage-generic-4-interviewer = Die einstellende Führungskraft
kit-stage-generic-4-purpose = Wie oft die Person diese Arbeit schon gemacht hat und was danach geschah.

## Von Rust zusammengesetzte Wörter: Geld, Quartale, Monate, Aufzählungen

money = { $amount } { $currency }
quarter = Q{ $quarter } { $year }
date-month = { $month } { $year }
list-and = { $init } und { $last }
list-separator = {"; "}

## Einstellungsplan (`/plan/`) und Zeitleiste

plan-library = Dieses Playbook ist eine Bibliothek von Rollentypen
plan-library-in-site-yaml = in site.yaml
plan-library-rest = : Es hat keinen Einstellungsplan, also weder Einstellungstermine noch Kosten.
plan-lead = Wann jede Einstellung erfolgt, was das Team zu den Mittelwerten der Gehaltsbänder kostet, welche Stellen genehmigt sind, wie viel jede Person trägt und welche Risiken noch offen sind.
plan-lead-year = Wann jede Einstellung erfolgt, was das Team { $year } zu den Mittelwerten der Gehaltsbänder kostet, welche Stellen genehmigt sind, wie viel jede Person trägt und welche Risiken noch offen sind.
plan-summary = { $briefs ->
    [one] { $briefs } Rollenprofil
   *[other] { $briefs } Rollenprofile
}, { $people ->
    [one] { $people } Person
   *[other] { $people } Personen
}: { $filled } besetzt, { $open } ausgeschrieben, { $planned } geplant
plan-summary-span = { $summary }; Beginn zwischen { $first } und { $last }
plan-summary-one-quarter = { $summary }; alle terminierten Einstellungen beginnen in { $first }
plan-hires-by-quarter = Einstellungen nach Quartal
plan-timeline-label = Einstellungen nach Quartal: Zeitleiste
plan-timeline-desc = { $summary }. Jede Zeile ist ein Rollenprofil; die Markierung steht in dem Quartal, in dem die Einstellung beginnt: ein gefüllter Kreis für besetzt, ein halb gefüllter für ausgeschrieben, ein gestrichelter für geplant; ✓ genehmigt, ? beantragt, ✕ eingefroren; ein schraffierter Balken ist eine Vertretung ohne Einstellung, von heute bis zu ihrem Ende. Die Tabelle darunter enthält dieselben Angaben als Text.
plan-covered-until = Vertretung durch { $name } bis { $until }
plan-legend = ● besetzt · ◐ ausgeschrieben · ◌ geplant · ✓ genehmigt · ? beantragt · ✕ eingefroren · ×2 zwei Personen · schraffierter Balken: Vertretung ohne Einstellung, von heute bis zu ihrem Ende.
plan-hires-caption = Die Einstellungen als Text: Status, Beginn, Anzahl, Genehmigung und Kosten pro Jahr zum Mittelwert des Gehaltsbands
plan-col-starts = Beginn
plan-col-people = Personen
plan-col-approval = Genehmigung
plan-col-cost-a-year = Kosten pro Jahr
plan-col-quarter = Quartal
plan-col-primary = Kern
plan-col-secondary = Zusatz
plan-extend-and-own = übernehmen und weiterentwickeln
plan-no-date = ohne Termin
plan-no-band = kein Gehaltsband
plan-approval-approved = ✓ genehmigt
plan-approval-proposed = ? beantragt
plan-approval-frozen = ✕ eingefroren
plan-approval-none = keine Genehmigung erfasst
plan-cost = Kosten
plan-cost-in = Kosten { $year }
plan-cost-caption = Kosten pro Quartal zum Mittelwert der Gehaltsbänder, gerechnet ab dem Eintrittsmonat jeder Einstellung
plan-year = Jahr
plan-budget = Budget { $amount }:
plan-under-budget = { $amount } unter dem Budget
plan-over-budget = { $amount } über dem Budget
plan-no-budget = kein Budget in site.yaml
plan-no-costs = Noch keine Einstellung hat einen Termin oder ein Gehaltsband.
plan-not-counted = Nicht in den Jahreskosten enthalten:
plan-not-counted-no-band = kein Gehaltsband (weder `cost` noch `pay` noch ein Band der Karrierestufe pro Jahr oder Monat)
plan-not-counted-currency = das Gehaltsband lautet auf eine andere Währung
plan-not-counted-no-date = noch kein Eintrittstermin
plan-load = Belastung pro Person
plan-load-caption = Kompetenzen, die jede Person eines Rollenprofils trägt: Kernkompetenzen (verantwortet) und Zusatzkompetenzen
plan-each-of = für jede der { $count } Personen
plan-covers = Vertretung ohne Einstellung
plan-cover-ended = beendet
plan-cover-gap = endet vor Beginn der Einstellung
plan-risks = Offene Risiken
plan-no-risks = Keine: Jede Kompetenz hat eine Verantwortliche oder einen Verantwortlichen, Governance kommt vor den Entwicklerrollen, kein Rollenprofil ist gebündelt, jede Vertretung reicht bis zu ihrer Einstellung, die Einstellungen folgen ihrer Reihenfolge und offene Ausschreibungen sind genehmigt.
plan-no-risks-budget = Keine: Jede Kompetenz hat eine Verantwortliche oder einen Verantwortlichen, Governance kommt vor den Entwicklerrollen, kein Rollenprofil ist gebündelt, jede Vertretung reicht bis zu ihrer Einstellung, die Einstellungen folgen ihrer Reihenfolge, offene Ausschreibungen sind genehmigt und der Plan bleibt im Budget.
plan-as-data = Der Plan als Daten:

## Besetzungsstand (Startseite und Matrix)

staffing-summary-staffed = { $staffed } von { $total } { $total ->
    [one] Kompetenz
   *[other] Kompetenzen
} besetzt
staffing-summary-covered = { $count } bis zur Einstellung vertreten
staffing-summary-hiring = { $count } in Besetzung
staffing-summary-planned = { $count } nur geplant
staffing-summary-unowned = { $names } ohne Verantwortliche
staffing-note-only-bundled = nur in gebündelten Profilen, die nicht zählen
staffing-note-bundled = gebündelte Profile zählen nicht

## Offene Fragen des Intake-Gesprächs (Qualitätsprüfung)

intake-outcome = Ziel
intake-decisions = Entscheidungen
intake-owns-after-launch = Verantwortung im laufenden Betrieb
intake-primary-capabilities = Kernkompetenzen
intake-interfaces = Einbindung ins Unternehmen
intake-success-at-90-days = Erfolg nach 90 Tagen
intake-success-at-6-months = Erfolg nach 6 Monaten
intake-success-at-12-months = Erfolg nach 12 Monaten
intake-constraints = Rahmenbedingungen
intake-reports-to = Berichtslinie

## Was ein Screenreader zu den Elementen des Markdown-Renderers sagt

md-section-link = Link zu diesem Abschnitt
md-table = Tabelle
md-table-named = Tabelle: { $name }
md-code = Code
md-code-in = Code: { $lang }
