# Les textes du thème par défaut en français. Mêmes identifiants de messages que en.ftl.
# Typographie : espace insécable avant « : », espace fine insécable avant « ; ? ! ».
# Syntaxe Fluent : https://projectfluent.org/fluent/guide/

# A label before its text ("Location: Hamburg"); French puts a no-break space before the colon.
label-colon = { $label } :

## Dates et nombres

date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Toutes les pages

skip-to-content = Aller au contenu
search-label = Rechercher dans les fiches de poste et les guides
search-placeholder = Rechercher
search-results = Résultats de recherche
search-no-results = Aucune fiche de poste ni aucun guide ne correspond.
nav-label = Playbook
guides-label = Guides
nav-roles = Postes
nav-capability-matrix = Matrice des compétences
nav-hiring-sequence = Ordre de recrutement
nav-team-plan = Plan de recrutement
nav-capabilities = Compétences
nav-archetypes = Types de poste
nav-tags = Mots-clés
nav-whole-playbook = Playbook complet
nav-health = Contrôle qualité

## Page d'une fiche de poste

reports-to = rattaché à { $name }
based-on = Dérivée de
based-on-inherits = : tout champ que cette fiche ne renseigne pas en est repris.
brief-actions-label = Utiliser cette fiche
copy-markdown = Copier en Markdown
copy-text = Copier en texte brut
job-post = Offre d'emploi
copy-posting = Copier l'offre d'emploi
interview-kit = Guide d'entretien
internal = Interne
interview-kit-description = déroulé, questions, repères de notation et grille d'évaluation, imprimable sur deux pages
source = Source :
edit-page = Modifier cette page
last-reviewed = Dernière relecture
reviewed-not-recorded = non renseignée
reviewed-not-recorded-changed = non renseignée ; fichier modifié pour la dernière fois le
last-changed = Dernière modification
maintainer = Responsable

## Messages des boutons de copie

js-copied = Copié.
js-copy-blocked = La copie est bloquée ici : utilisez plutôt le lien de téléchargement.
js-copied-formatted = Copié, avec titres et listes.
js-copied-selected-insecure = Copié en sélectionnant l'offre, avec titres et listes (cette page n'est pas servie en HTTPS).
js-copied-selected-unsupported = Copié en sélectionnant l'offre, avec titres et listes (ce navigateur ne peut pas copier de texte mis en forme).
js-copied-selected-refused = Copié en sélectionnant l'offre, avec titres et listes (le navigateur a refusé l'accès au presse-papiers).
js-copy-post-blocked = La copie est bloquée ici : ouvrez posting.html et copiez l'offre depuis cette page, ou utilisez un lien de téléchargement.

## Champs d'une fiche de poste

outcome = Résultat attendu
decisions-this-role-owns = Décisions relevant de ce poste
success = Réussite
horizon-90d = 90 jours
horizon-6m = 6 mois
horizon-12m = 12 mois
not-stated = Non précisé
capabilities = Compétences
capability-primary = compétence principale
capability-secondary = compétence secondaire
how-it-fits = Place dans l'organisation
no-interfaces = Aucune interface précisée.
owns-after-launch = Responsabilités après la mise en production
owns-after-launch-missing = Non précisé : qui en sera responsable une fois le système en production ?
adapted-by = Fiches dérivées
briefs-based-on-this = Fiches fondées sur celle-ci :
hiring-sequence = Ordre de recrutement
hire-after = Recruter après
hire-after-nothing = aucun autre poste ; ce recrutement peut être le premier
prepares-for = Prépare
constraints = Contraintes
tools = Outils
internal-notes = Notes internes
interview-probes = Questions d'entretien
no-probes = Pas encore de questions pour vérifier ce que le candidat a réellement livré.
red-flags = Signaux d'alerte
none-listed = Aucun.
on-this-page = Sur cette page
status = Statut
status-open = ouvert : recrutement en cours
status-filled = pourvu
status-planned = prévu
status-open-short = ouvert
status-filled-short = pourvu
status-planned-short = prévu
headcount = { $count ->
    [one] { $count } poste
   *[other] { $count } postes
}

## Interfaces

interface-product = Produit
interface-data = Données
interface-security = Sécurité
interface-it = DSI
interface-operations = Opérations
interface-hr = RH
interface-legal = Juridique
interface-finance = Finance

## Page d'accueil et listes

start-with = Pour commencer :
staffing = Effectifs
playbook-health = Contrôle qualité
findings-to-review = { $count ->
    [one] { $count } point à examiner
   *[other] { $count } points à examiner
}
no-findings = aucun point à examiner
waived-with-reasons = { $count ->
    [one] { $count } dérogation motivée
   *[other] { $count } dérogations motivées
}
the-team-plan = Le plan de recrutement
team-plan-description = Les fiches de poste propres à l'entreprise, dérivées des types de poste ci-dessous, dans l'ordre de recrutement.
archetype-library = La bibliothèque des types de poste
count-briefs = { $count ->
    [one] { $count } fiche
   *[other] { $count } fiches
}
no-brief-of-archetype = Pas encore de fiche de ce type.
nothing-here-yet = Rien pour l'instant.
owned-as-primary-by = Compétence principale de
briefs = Fiches de poste
capability-unowned = Aucune fiche n'a cette compétence comme compétence principale : ce travail n'a pas de responsable.
no-brief-yet = Pas encore de fiche.
also-secondary-by = Compétence secondaire de

## Autres pages

page-not-found = Page introuvable
not-found-go-back = Cette page n'existe pas ou a été déplacée. Revenir au
not-found-the-playbook = playbook
whole-playbook = Le playbook complet
print-title = { $site } : le playbook complet
print-lead = Toutes les fiches dans l'ordre de recrutement, sur une seule page, pour l'impression et pour les wikis qui n'acceptent qu'une page.
print-kit-note = Les questions d'entretien et les signaux d'alerte s'impriment depuis le guide d'entretien de chaque fiche
print-kit-note-where = {" "}à côté de sa page
contents = Sommaire
sequence-lead = L'ordre qui découle du champ
sequence-lead-rest = {" "}des fiches : chaque recrutement doit faciliter le suivant. À égalité, le type de poste puis le titre départagent.
sequence-graph = Graphe de l'ordre de recrutement
sequence-caption = Chaque flèche va d'un recrutement à celui qui devrait le suivre.
sequence-graph-title = Ordre de recrutement : chaque flèche va d'un recrutement à celui qui devrait le suivre
sequence-legend = Style des nœuds par type de poste
in-seat-since = en poste depuis { $quarter }
starts = arrivée { $quarter }
after = après
can-be-first-hire = peut être le premier recrutement

## brief.md et brief.txt

brief-outcome = Le résultat visé par ce recrutement
brief-decide = Ce que vous déciderez
brief-own-live = Ce dont vous serez responsable une fois les systèmes en production
brief-measure-success = Comment nous mesurerons la réussite
brief-fits = Place du poste dans l'organisation
brief-shapes = Le cadre du poste
brief-reports-to = Rattachement hiérarchique :

## L'offre d'emploi

posting-what-this-role-is-for = La raison d'être du poste
posting-you-will-report-to = Vous serez rattaché(e) à
posting-the-outcome-you-will-be-hired-to-deliver = Le résultat pour lequel nous vous recrutons
posting-what-you-will-own = Vos responsabilités
posting-decisions-you-will-make = Les décisions qui vous reviennent
posting-once-systems-are-live = Une fois les systèmes en production
posting-who-you-will-work-with = Vos interlocuteurs
posting-what-shapes-the-work = Le cadre du poste
posting-how-you-will-know-it-is-working = Comment votre réussite sera mesurée
posting-after-90-days = Au bout de 90 jours
posting-after-6-months = Au bout de 6 mois
posting-after-12-months = Au bout de 12 mois
posting-what-we-look-for = Votre profil
posting-level = Niveau
posting-where-you-will-be-strongest = Vos domaines d'expertise
posting-where-you-will-also-contribute = Les domaines où vous contribuerez aussi
posting-tools-you-will-use = Vos outils
posting-where-you-will-work-and-what-you-will-earn = Lieu de travail et rémunération
posting-location = Lieu
posting-remote-from = Télétravail possible depuis
posting-working-pattern = Organisation du travail
posting-contract = Type de contrat
posting-pay = Rémunération
posting-about-us = Qui sommes-nous
posting-what-we-offer = Ce que nous offrons
posting-website = Site web
posting-how-to-apply = Comment postuler
posting-apply = Candidature
posting-applications-close = Date limite de candidature
posting-equal-opportunity = Égalité des chances

work-model-onsite = Sur site
work-model-hybrid = Hybride (une partie de la semaine au bureau)
work-model-remote = Télétravail complet
employment-full-time = Temps plein
employment-part-time = Temps partiel
employment-contract = Prestation (freelance)
employment-temporary = CDD
employment-internship = Stage

pay-range = { $min }–{ $max } { $currency } { $period ->
    [month] par mois
    [week] par semaine
    [day] par jour
    [hour] de l'heure
   *[year] par an
}
pay-amount = { $min } { $currency } { $period ->
    [month] par mois
    [week] par semaine
    [day] par jour
    [hour] de l'heure
   *[year] par an
}


## Matrice des compétences et effectifs

matrix-lead-team = Le plan de recrutement (les fiches de
matrix-lead-team-end = )
matrix-lead-every = Toutes les fiches
matrix-lead = face au référentiel de compétences, dans l'ordre de recrutement.
matrix-lead-primary = signale une compétence principale (le poste en est responsable),
matrix-lead-secondary = une compétence secondaire.
staffing-counts-label = Compétences par état des effectifs
staffing-staffed = pourvue
staffing-covered = assurée en intérim
staffing-hiring = en recrutement
staffing-planned = seulement prévue
staffing-unowned = sans responsable
staffing-table-label = Effectifs par compétence
staffing-caption = Chaque compétence et les fiches de l'équipe qui l'ont comme compétence principale
capability = Compétence
staffing-state = État
held-as-primary-by = Compétence principale de
held-by = Assurée par
people = { $count } personnes
bundled = cumul
bundled-title-staffing = une fiche qui cumule plusieurs métiers (bundled-role) ; elle porte cette compétence sans vraiment la couvrir
bundled-title = une fiche qui cumule plusieurs métiers (bundled-role)
nobody = personne
covered-by = assurée par { $name }
cover-existing-staff = salarié en poste
cover-partner = partenaire
cover-contractor = prestataire
cover-until = jusqu'à { $until }, pour
work-with-no-owner = Travail sans responsable :
gaps-no-primary = { $count ->
    [one] Aucune fiche ne l'a comme compétence principale.
   *[other] Aucune fiche ne les a comme compétences principales.
}
every-capability-owned = Chaque compétence a un responsable : au moins une fiche l'a comme compétence principale.
roles-by-capabilities = Postes × compétences
role = Poste
no-owner = sans responsable
none = aucune
primary-holders = En compétence principale
secondary-holders = En compétence secondaire

## Contrôle qualité. Les messages restent en anglais (ce sont ceux de gen check).

health-lead = Ce que
health-lead-rest = relève dans ces fiches : les travers qui font fuir les bons candidats ou condamnent un recrutement à l'échec.
findings-in-files = { $count ->
    [one] { $count } point
   *[other] { $count } points
} dans { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
}
waived = { $count ->
    [one] { $count } dérogation
   *[other] { $count } dérogations
}
listed-below = liste ci-dessous
by-lint-label = Points par règle
by-lint-caption = Points par règle, les plus fréquents d'abord
col-lint = Règle
col-level = Niveau
col-findings = Points
col-files = Fichiers
health-more = … et { $count ->
    [one] { $count } autre point
   *[other] { $count } autres points
} dans { $files ->
    [one] { $files } autre fichier
   *[other] { $files } autres fichiers
} :
health-more-rest = les liste tous.
level-warning = avertissement
level-error = erreur
level-waived = dérogation
line-column = ligne { $line }, colonne { $column }
healthy-with-waivers = Aucun point ne compte contre ces fiches ; { $count ->
    [one] { $count } dérogation, motivée par sa fiche
   *[other] { $count } dérogations, chacune motivée par sa fiche
}
healthy = Aucun point à examiner : chaque fiche indique un résultat chiffré, la réussite à 90 jours, 6 et 12 mois, les responsabilités après la mise en production et sa place face au produit, aux données, à la sécurité et à la DSI.
readiness-title = Prêt à ouvrir le recrutement
readiness-lead = Avant d'ouvrir un recrutement, la fiche doit répondre à chaque question de cadrage : le résultat attendu, les décisions du poste, les responsabilités après la mise en production, les compétences principales, la place face au produit, aux données, à la sécurité et à la DSI, la réussite à 90 jours, 6 et 12 mois, les contraintes et le rattachement. Si ces réponses sont floues, le recrutement doit attendre qu'elles soient claires :
readiness-lead-rest = échoue sur une fiche ouverte qui en laisse une sans réponse.
readiness-table-label = Maturité de chaque fiche de l'équipe
readiness-caption = Chaque fiche de l'équipe et les questions de cadrage restées sans réponse
brief = Fiche
ready = Prête
not-ready = Pas prête :
search-should-pause = ouverte : le recrutement doit attendre
waived-findings = Points en dérogation
waivers-lead = Les points qu'une fiche écarte elle-même avec
waivers-lead-rest = , chacun avec sa justification. Ils ne sont pas comptés ci-dessus ; une dérogation sans justification est elle-même un point
waived-where = { $file }, ligne { $line } ; serait { $level ->
    [error] une erreur
   *[other] un avertissement
}
reason = Justification :
no-reason = Aucune justification.
cell-primary = principale
cell-secondary = secondaire

## Languages (switcher, missing translations)
language-switcher-label = Langue
missing-translations = Traductions manquantes
missing-translations-lead = Les fiches et les guides que chaque langue ne traduit pas encore (une traduction est un fichier
missing-translations-lead-rest = placé à côté de sa page). Son arborescence les omet, et son sélecteur de langue mène de ces pages à sa page d'accueil.
count-untranslated = { $count ->
    [one] { $count } non traduite
   *[other] { $count } non traduites
}
every-page-translated = Toutes les pages sont traduites.

## Paged listings
pagination-label = Pagination
page-of = Page { $number } sur { $pages }
page-of-lower = page { $number } sur { $pages }
page-of-briefs = Page { $number } sur { $pages } des fiches
page-number = Page { $number }
page-word = page
previous = Précédente
next = Suivante
continued = suite

## Guide d'entretien (`<slug>.kit.html`)

kit-title = Guide d'entretien : { $title }
kit-internal-mark = Interne · pour l'équipe de recrutement · à ne pas transmettre aux candidats
kit-mission = La raison d'être du poste
kit-outcome = Le résultat attendu
kit-loop = Déroulé des entretiens
kit-default-loop-archetype = Déroulé par défaut pour le type de poste « { $archetype } » : pour définir le vôtre, renseignez
kit-default-loop-brief = Déroulé par défaut pour cette fiche : pour définir le vôtre, renseignez
kit-default-loop-rest = dans la fiche.
kit-col-stage = Étape
kit-col-interviewer = Qui mène l'entretien
kit-col-rates = Évalue
kit-col-probes = Questions
kit-probe-number = Q{ $number }
kit-capabilities = Compétences, questions et repères de notation
kit-weight-primary = principale
kit-weight-secondary = secondaire
kit-weight-assessed = évaluée en plus
kit-rated-in = Évaluée { $count ->
    [one] à l'étape
   *[other] aux étapes
} { $stages }.
kit-general-probes = Questions générales
kit-no-red-flags = Aucun dans la fiche.
kit-scorecard = Grille d'évaluation
kit-candidate = Candidat·e
kit-date = Date
kit-evidence-notes = Éléments concrets et notes
kit-red-flags-observed = Signaux d'alerte observés
kit-rate-advice = Notez ce que la personne a démontré, preuves à l'appui, et non une impression.
kit-recommendation = Recommandation :
kit-strong-hire = Recruter sans réserve
kit-hire = Recruter
kit-no-hire = Ne pas recruter
kit-strong-no-hire = Surtout ne pas recruter
kit-rating-1 = Aucune preuve
kit-rating-2 = Quelques preuves
kit-rating-3 = Preuves claires
kit-rating-4 = Preuves solides
kit-anchor-1 = Aucun travail personnel en { $name } : des généralités, ou le travail des autres.
kit-anchor-2 = Un exemple, en partie le sien, ou pas encore en production.
kit-anchor-3 = Un travail en { $name } mené de bout en bout, aux résultats chiffrés.
kit-anchor-4 = Plusieurs travaux en { $name } menés puis suivis après la mise en production ; sait dire ce qu'elle changerait.
kit-hiring-manager = Le ou la manager qui recrute
kit-hiring-manager-of = Le ou la manager qui recrute ({ $name })
kit-stage-leader-1 = Premier entretien avec le manager
kit-stage-leader-1-purpose = Périmètre et motivation : la personne peut-elle citer un système mis en production et resté en service, et qui en était responsable le lendemain du lancement ?
kit-stage-leader-2 = Étude de cas stratégie et résultat
kit-stage-leader-2-interviewer = Le ou la manager qui recrute, avec un ou une partenaire finance ou opérations
kit-stage-leader-2-purpose = À partir du résultat attendu de la fiche, la personne expose ses 12 premiers mois : premiers recrutements, ce qui est en production à 90 jours, ce qu'elle arrêterait.
kit-stage-leader-3 = Panel des parties prenantes
kit-stage-leader-3-interviewer = Les responsables des équipes avec lesquelles le poste travaille : produit, données, sécurité, IT
kit-stage-leader-3-purpose = Le travail politique du premier trimestre : obtenir du temps, l'accès aux données et les revues des équipes dont le poste dépend.
kit-stage-leader-4 = Références
kit-stage-leader-4-interviewer = Le ou la manager qui recrute, avec deux anciens collègues
kit-stage-leader-4-purpose = L'expérience se compte en systèmes, pas en titres : de combien de systèmes en production la personne a-t-elle été responsable, et que s'est-il passé après le lancement ?
kit-stage-builder-1 = Entretien technique
kit-stage-builder-1-purpose = Un système en production que la personne a construit : les données, l'évaluation, le déploiement, et ce qui a cassé.
kit-stage-builder-2 = Exercice de construction et d'évaluation
kit-stage-builder-2-interviewer = Deux ingénieurs de l'équipe
kit-stage-builder-2-purpose = Des données imparfaites : demandez un plan d'évaluation et une esquisse de déploiement, pas seulement un score.
kit-stage-builder-3 = Conception de système
kit-stage-builder-3-interviewer = Un ingénieur senior ou l'architecte solutions
kit-stage-builder-3-purpose = Comment son travail tourne en production : supervision, retour arrière, astreinte et la plateforme sur laquelle il est déployé.
kit-stage-builder-4 = Intégration dans l'équipe
kit-stage-builder-4-interviewer = Le ou la responsable produit et un pair de l'équipe
kit-stage-builder-4-purpose = Comment la personne travaille avec le produit, les données, la sécurité et l'IT, et remonte les problèmes preuves à l'appui.
kit-stage-architect-1 = Entretien technique
kit-stage-architect-1-purpose = Une conception de la personne, réalisée et toujours en service : les compromis faits, et ce qu'elle changerait.
kit-stage-architect-2 = Conception de système
kit-stage-architect-2-interviewer = Deux ingénieurs seniors
kit-stage-architect-2-purpose = Une conception pour le résultat attendu de cette fiche, avec ses contraintes, le déploiement, la supervision et le retour arrière.
kit-stage-architect-3 = Revue d'intégration
kit-stage-architect-3-interviewer = Le ou la responsable de la gouvernance et un ou une responsable IT
kit-stage-architect-3-purpose = Comment la conception passe la revue de sécurité, obtient ses données et est prise en charge par l'IT.
kit-stage-architect-4 = Intégration dans l'équipe et références
kit-stage-architect-4-interviewer = Les ingénieurs qui bâtiront sur la conception
kit-stage-architect-4-purpose = Si l'équipe peut travailler à partir des conceptions de la personne, et combien sont arrivées en production.
kit-stage-generic-1 = Premier entretien
kit-stage-generic-1-purpose = Périmètre et motivation, et un travail dont la personne a été responsable du début à la fin.
kit-stage-generic-2 = Mise en situation
kit-stage-generic-2-interviewer = Deux personnes de l'équipe
kit-stage-generic-2-purpose = Une tâche des 90 premiers jours du poste, et à quoi la personne verrait qu'elle est terminée.
kit-stage-generic-3 = Panel
kit-stage-generic-3-interviewer = Les responsables des équipes avec lesquelles le poste travaille
kit-stage-generic-3-purpose = Comment la personne travaille avec les équipes dont elle dépend.
kit-stage-generic-4 = Références
kit-stage-generic-4-interviewer = Le ou la manager qui recrute
kit-stage-generic-4-purpose = Combien de fois la personne a fait ce travail, et ce qui s'est passé ensuite.

## Mots assemblés par Rust : montants, trimestres, mois, listes

money = { $amount } { $currency }
quarter = T{ $quarter } { $year }
date-month = { $month } { $year }
list-and = { $init } et { $last }
list-separator = {"\u202F; "}

## Plan de recrutement (`/plan/`) et sa frise

plan-library = Ce playbook est une bibliothèque de types de poste
plan-library-in-site-yaml = dans site.yaml
plan-library-rest =  : il n'a pas de plan de recrutement, donc ni recrutements datés ni coûts.
plan-lead = Quand chaque recrutement arrive, ce que coûte l'équipe au milieu des fourchettes de rémunération, quels postes sont approuvés, la charge de chaque personne et les risques encore ouverts.
plan-lead-year = Quand chaque recrutement arrive, ce que coûte l'équipe en { $year } au milieu des fourchettes de rémunération, quels postes sont approuvés, la charge de chaque personne et les risques encore ouverts.
plan-summary = { $briefs ->
    [one] { $briefs } fiche
   *[other] { $briefs } fiches
}, { $people ->
    [one] { $people } personne
   *[other] { $people } personnes
} : { $filled ->
    [one] { $filled } pourvue
   *[other] { $filled } pourvues
}, { $open ->
    [one] { $open } ouverte
   *[other] { $open } ouvertes
}, { $planned ->
    [one] { $planned } prévue
   *[other] { $planned } prévues
}
plan-summary-span = { $summary } ; arrivées de { $first } à { $last }
plan-summary-one-quarter = { $summary } ; toutes les arrivées datées en { $first }
plan-hires-by-quarter = Recrutements par trimestre
plan-timeline-label = Recrutements par trimestre : frise chronologique
plan-timeline-desc = { $summary }. Chaque ligne est une fiche ; sa marque se trouve dans le trimestre où le recrutement commence : un cercle plein pour pourvu, un cercle à moitié plein pour ouvert, un cercle en pointillés pour prévu ; ✓ approuvé, ? proposé, ✕ gelé ; une barre hachurée est un intérim sans recrutement, d'aujourd'hui jusqu'à sa fin. Le tableau ci-dessous donne les mêmes informations en texte.
plan-covered-until = Intérim assuré par { $name } jusqu'à { $until }
plan-legend = ● pourvu · ◐ ouvert · ◌ prévu · ✓ approuvé · ? proposé · ✕ gelé · ×2 deux personnes · barre hachurée : intérim sans recrutement, d'aujourd'hui jusqu'à sa fin.
plan-hires-caption = Les recrutements en texte : état, arrivée, effectif, approbation et coût annuel au milieu de la fourchette
plan-col-starts = Arrivée
plan-col-people = Personnes
plan-col-approval = Approbation
plan-col-cost-a-year = Coût annuel
plan-col-quarter = Trimestre
plan-col-primary = Principales
plan-col-secondary = Secondaires
plan-extend-and-own = reprendre et faire évoluer
plan-no-date = sans date
plan-no-band = sans fourchette
plan-approval-approved = ✓ approuvé
plan-approval-proposed = ? proposé
plan-approval-frozen = ✕ gelé
plan-approval-none = aucune approbation enregistrée
plan-cost = Coût
plan-cost-in = Coût en { $year }
plan-cost-caption = Coût par trimestre au milieu des fourchettes, compté à partir du mois d'arrivée de chaque recrutement
plan-year = Année
plan-budget = budget { $amount } :
plan-under-budget = { $amount } sous le budget
plan-over-budget = { $amount } au-dessus du budget
plan-no-budget = pas de budget dans site.yaml
plan-no-costs = Aucun recrutement n'a encore de date ni de fourchette de coût.
plan-not-counted = Hors du coût de l'année :
plan-not-counted-no-band = pas de fourchette (ni `cost`, ni `pay`, ni fourchette du niveau à l'année ou au mois)
plan-not-counted-currency = sa fourchette est dans une autre devise
plan-not-counted-no-date = pas encore de date d'arrivée
plan-load = Charge par personne
plan-load-caption = Les compétences que porte chaque personne d'une fiche : principales (dont elle est responsable) et secondaires
plan-each-of = pour chacune des { $count } personnes
plan-covers = Intérim sans recrutement
plan-cover-ended = terminé
plan-cover-gap = se termine avant l'arrivée de la recrue
plan-risks = Risques ouverts
plan-no-risks = Aucun : chaque compétence a un responsable, la gouvernance arrive avant les profils techniques, aucune fiche ne cumule plusieurs postes, chaque intérim dure jusqu'à son recrutement, les recrutements suivent leur ordre et les recrutements ouverts sont approuvés.
plan-no-risks-budget = Aucun : chaque compétence a un responsable, la gouvernance arrive avant les profils techniques, aucune fiche ne cumule plusieurs postes, chaque intérim dure jusqu'à son recrutement, les recrutements suivent leur ordre, les recrutements ouverts sont approuvés et le plan tient dans le budget.
plan-as-data = Le plan sous forme de données :

## État des effectifs (accueil et matrice)

staffing-summary-staffed = { $staffed ->
    [one] { $staffed } compétence pourvue
   *[other] { $staffed } compétences pourvues
} sur { $total }
staffing-summary-covered = { $count ->
    [one] { $count } assurée en intérim jusqu'à un recrutement
   *[other] { $count } assurées en intérim jusqu'à un recrutement
}
staffing-summary-hiring = { $count } en recrutement
staffing-summary-planned = { $count ->
    [one] { $count } seulement prévue
   *[other] { $count } seulement prévues
}
staffing-summary-unowned = { $names } sans responsable
staffing-note-only-bundled = portée seulement par des fiches qui cumulent plusieurs postes, qui ne comptent pas
staffing-note-bundled = les fiches qui cumulent plusieurs postes ne comptent pas

## Questions de cadrage restées sans réponse (contrôle qualité)

intake-outcome = résultat attendu
intake-decisions = décisions
intake-owns-after-launch = responsabilités après la mise en production
intake-primary-capabilities = compétences principales
intake-interfaces = interfaces
intake-success-at-90-days = réussite à 90 jours
intake-success-at-6-months = réussite à 6 mois
intake-success-at-12-months = réussite à 12 mois
intake-constraints = contraintes
intake-reports-to = rattachement

## Ce que dit un lecteur d'écran des éléments du rendu Markdown

md-section-link = Lien vers cette section
md-table = Tableau
md-table-named = Tableau : { $name }
md-code = Code
md-code-in = Code : { $lang }
