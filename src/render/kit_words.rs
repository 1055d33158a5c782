//! The interview kit in the page's language: `playbook::kit` writes the default loop's
//! stages, the hiring manager and the rating anchors in English; these are the theme's
//! messages for them (`kit-stage-builder-2`, `kit-rating-3`, `kit-anchor-3`).

use crate::playbook::kit::Kit;
use crate::render::wording::{Arg, Wording};

/// `kit` with its made words in `words`' language (the brief's own words stay as written).
pub fn in_language(kit: &mut Kit, words: &Wording) {
    let hiring_manager = match kit.reports_to {
        Some(name) => words.say("kit-hiring-manager-of", &[("name", Arg::Text(name))]),
        None => words.get("kit-hiring-manager"),
    };
    for stage in &mut kit.stages {
        if let Some(id) = stage.default_id {
            stage.name = words.get(&format!("kit-stage-{id}"));
            stage.purpose = Some(words.get(&format!("kit-stage-{id}-purpose")));
            if !stage.by_hiring_manager {
                stage.interviewer = words.get(&format!("kit-stage-{id}-interviewer"));
            }
        }
        if stage.by_hiring_manager {
            stage.interviewer = hiring_manager.clone();
        }
    }
    for capability in &mut kit.capabilities {
        let name = capability.name;
        for anchor in &mut capability.anchors {
            anchor.label = words.get(&format!("kit-rating-{}", anchor.score));
            anchor.text = words.say(
                &format!("kit-anchor-{}", anchor.score),
                &[("name", Arg::Text(name))],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::i18n::shipped;

    #[test]
    fn the_themes_english_is_the_english_of_playbook_kit() {
        let strings = shipped();
        let en = Wording::new(&strings, "en");
        for (id, name, interviewer, purpose) in crate::playbook::kit::default_stage_words() {
            assert_eq!(en.get(&format!("kit-stage-{id}")), name, "{id}");
            assert_eq!(en.get(&format!("kit-stage-{id}-purpose")), purpose, "{id}");
            if let Some(interviewer) = interviewer {
                assert_eq!(
                    en.get(&format!("kit-stage-{id}-interviewer")),
                    interviewer,
                    "{id}"
                );
            }
        }
        for anchor in crate::playbook::kit::anchors("Applied ML") {
            let score = anchor.score;
            assert_eq!(en.get(&format!("kit-rating-{score}")), anchor.label);
            assert_eq!(
                en.say(
                    &format!("kit-anchor-{score}"),
                    &[("name", Arg::Text("Applied ML"))]
                ),
                anchor.text
            );
        }
    }

    #[test]
    fn a_german_kit_names_its_stages_anchors_and_hiring_manager_in_german() {
        use crate::content::testing::{config, content};
        let config = config();
        let content = content(&[(
            "plan/ml.md",
            "---\ntitle: Claims ML Engineer\narchetype: builder\nsummary: S.\noutcome: Cut handling time by 30% within 12 months.\ndecisions: [D]\ncapabilities:\n  primary: [applied-ml]\nsuccess:\n  90d: [M]\nreports_to: Head of AI\n---\n".to_string(),
        )]);
        let role = content.role("ml").expect("brief");
        let posting = crate::playbook::posting::posting(&config, role);
        let mut kit = crate::playbook::kit::kit(&config, role, &posting);
        let strings = shipped();
        in_language(&mut kit, &Wording::new(&strings, "de"));
        assert_eq!(kit.stages[0].name, "Technisches Erstgespräch");
        assert_eq!(
            kit.stages[0].interviewer,
            "Die einstellende Führungskraft (Head of AI)"
        );
        assert_eq!(kit.stages[1].interviewer, "Zwei Engineers aus dem Team");
        let anchors = &kit.capabilities[0].anchors;
        assert_eq!(anchors[3].label, "Überzeugend belegt");
        assert!(
            anchors[0]
                .text
                .starts_with("Keine eigene Arbeit im Bereich Applied ML"),
            "{}",
            anchors[0].text
        );
    }
}
