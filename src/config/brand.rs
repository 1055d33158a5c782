//! A company's branding (`brand:` in site.yaml): its name, its logo (a file of the site's
//! `static/` folder, for the header and the favicon) and its accent colour, and the shades
//! of that colour the default theme can use in light and dark mode while text stays
//! readable (WCAG 2.2 AA, 4.5:1). Pure: no disk.

use crate::yaml::Spanned;
use serde::Deserialize;

use super::colour::{AA_TEXT, Rgb, WHITE, contrast, readable_on, worst_contrast};

/// `brand:` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// The company's name, beside the site's title and as the logo's text.
    #[serde(default)]
    pub name: Option<String>,
    /// A file of `static/`, e.g. `logo.svg`: shown in the header and used as the favicon.
    #[serde(default)]
    pub logo: Option<Spanned<String>>,
    /// The accent colour, `#rrggbb` or `#rgb`. Written but empty is kept apart from left
    /// out: `accent: #1d5a9e` unquoted is a YAML comment, and must not pass unnoticed.
    #[serde(default, deserialize_with = "written")]
    pub accent: Option<Spanned<Option<String>>>,
}

impl Brand {
    /// The logo's path inside `static/` (and so below the site root), as written without
    /// a leading `./`.
    pub fn logo_file(&self) -> Option<&str> {
        let logo = self.logo.as_ref()?.value.trim();
        Some(logo.strip_prefix("./").unwrap_or(logo))
    }
}

/// A key that is written, even as nothing (`accent:` or `accent: # ...`).
fn written<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Spanned<Option<String>>>, D::Error> {
    Spanned::<Option<String>>::deserialize(deserializer).map(Some)
}

/// The backgrounds of the default theme (`--bg`, `--surface`, `--surface-2` in
/// `style.css`, light and dark) that accent-coloured text and links sit on.
pub const LIGHT_BACKGROUNDS: [&str; 3] = ["#f8f7f4", "#ffffff", "#f0efeb"];
pub const DARK_BACKGROUNDS: [&str; 3] = ["#15171b", "#1d2026", "#262a31"];

/// The text on an accent-coloured background, light and dark mode (`--accent-text`).
const LIGHT_ON_ACCENT: Rgb = WHITE;
const DARK_ON_ACCENT: Rgb = Rgb(0x0f, 0x1a, 0x29);

/// The theme's text and muted text (`--text`, `--muted`), which sit on the accent's tint
/// too (the outcome block, a selected search result).
pub const LIGHT_INKS: [&str; 2] = ["#1e2328", "#5a636e"];
pub const DARK_INKS: [&str; 2] = ["#e3e5e8", "#9ca4ae"];

/// The accent in one colour scheme: the accent itself (text, links, borders), its tint
/// (`accent_soft`, a background that accent text sits on) and the text written on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shades {
    pub accent: Rgb,
    pub soft: Rgb,
    pub on_accent: Rgb,
}

/// What the accent gives each scheme, and how the written colour measured against the
/// scheme's backgrounds (the lowest ratio) before any shade was derived.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub written: Rgb,
    pub light: Shades,
    pub dark: Shades,
    /// The written accent's lowest contrast against the light backgrounds.
    pub light_contrast: f64,
    /// The written accent's lowest contrast against the dark backgrounds.
    pub dark_contrast: f64,
}

impl Palette {
    /// Whether light mode uses a shade other than the written accent: the one case
    /// `brand-contrast` warns of. No single colour reaches 4.5:1 against both a near-white
    /// and a near-black page, so dark mode always derives its own shade when it must, as
    /// the default theme has its own dark accent.
    pub fn light_corrected(&self) -> bool {
        self.light.accent != self.written
    }
}

fn backgrounds(hex: &[&str]) -> Vec<Rgb> {
    hex.iter().filter_map(|h| Rgb::parse(h)).collect()
}

/// The tint of `shade`: `tint` of the way to `over`, or further until each of `inks`
/// reads on it.
fn tint_of(shade: Rgb, over: Rgb, tint: f64, inks: &[Rgb]) -> Rgb {
    let mut amount = tint;
    loop {
        let soft = shade.mix(over, amount);
        if amount >= 1.0 || inks.iter().all(|&ink| contrast(ink, soft) >= AA_TEXT) {
            return soft;
        }
        amount = (amount + 0.02).min(1.0);
    }
}

/// The shades of `accent` for one scheme: the nearest shade readable on `page` and on its
/// own tint (the tint is made from the shade, so the two are settled together; the
/// theme's `inks` must read on the tint too), and the text colour (of `on_accent`)
/// written on it.
fn shades(
    accent: Rgb,
    page: &[Rgb],
    (over, tint): (Rgb, f64),
    inks: &[Rgb],
    on_accent: Rgb,
) -> Shades {
    let mut shade = readable_on(accent, page, AA_TEXT);
    let mut soft = tint_of(shade, over, tint, inks);
    for _ in 0..8 {
        if contrast(shade, soft) >= AA_TEXT {
            break;
        }
        let mut around = page.to_vec();
        around.push(soft);
        shade = readable_on(shade, &around, AA_TEXT);
        soft = tint_of(shade, over, tint, inks);
    }
    // White (light mode) or the dark ink (dark mode) when it reads on the shade; else the
    // other extreme that does.
    let on_accent = if contrast(on_accent, shade) >= AA_TEXT {
        on_accent
    } else {
        readable_on(on_accent, &[shade], AA_TEXT)
    };
    Shades {
        accent: shade,
        soft,
        on_accent,
    }
}

/// The palette of the accent `accent` for the default theme.
pub fn palette(accent: Rgb) -> Palette {
    let light = backgrounds(&LIGHT_BACKGROUNDS);
    let dark = backgrounds(&DARK_BACKGROUNDS);
    Palette {
        written: accent,
        light: shades(
            accent,
            &light,
            (WHITE, 0.88),
            &backgrounds(&LIGHT_INKS),
            LIGHT_ON_ACCENT,
        ),
        dark: shades(
            accent,
            &dark,
            (dark[1], 0.78),
            &backgrounds(&DARK_INKS),
            DARK_ON_ACCENT,
        ),
        light_contrast: worst_contrast(accent, &light),
        dark_contrast: worst_contrast(accent, &dark),
    }
}

/// The image types a browser shows as a favicon and a logo, by extension.
pub fn image_type(file: &str) -> Option<&'static str> {
    let extension = file.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webp" => "image/webp",
        "gif" => "image/gif",
        "jpg" | "jpeg" => "image/jpeg",
        _ => return None,
    })
}

/// Why `logo` cannot be the logo (a path below `static/`), or `None`.
pub fn logo_problem(logo: &str) -> Option<String> {
    let logo = logo.trim();
    if logo.is_empty() {
        return Some("`brand.logo` is empty".into());
    }
    if logo.contains("://") || logo.starts_with("//") || logo.starts_with("data:") {
        return Some(format!(
            "`brand.logo` is `{logo}`, an address elsewhere: the site loads nothing from another host"
        ));
    }
    if logo.starts_with('/') || logo.split(['/', '\\']).any(|s| s == ".." || s == ".") {
        return Some(format!(
            "`brand.logo` is `{logo}`: write the file's path inside `static/`, such as `logo.svg`"
        ));
    }
    if image_type(logo).is_none() {
        return Some(format!(
            "`brand.logo` is `{logo}`, not an image a browser shows as a logo and favicon (SVG, PNG, ICO, WebP, GIF or JPEG)"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Rgb {
        Rgb::parse(text).expect("a colour")
    }

    /// Every accent in both schemes reaches 4.5:1 on every page background and on its own
    /// tint, and the text on it reaches 4.5:1 too.
    fn assert_readable(p: &Palette) {
        for (shades, page, inks) in [
            (p.light, LIGHT_BACKGROUNDS, LIGHT_INKS),
            (p.dark, DARK_BACKGROUNDS, DARK_INKS),
        ] {
            for bg in backgrounds(&page).into_iter().chain([shades.soft]) {
                let ratio = contrast(shades.accent, bg);
                assert!(
                    ratio >= AA_TEXT,
                    "{} on {bg}: {ratio:.2} ({p:?})",
                    shades.accent
                );
            }
            for ink in backgrounds(&inks) {
                let ratio = contrast(ink, shades.soft);
                assert!(ratio >= AA_TEXT, "{ink} on {}: {ratio:.2}", shades.soft);
            }
            let on = contrast(shades.on_accent, shades.accent);
            assert!(on >= AA_TEXT, "text on {}: {on:.2}", shades.accent);
        }
    }

    #[test]
    fn brand_accents_as_companies_pick_them_are_made_readable_in_both_schemes() {
        // (accent, light mode keeps it as written)
        let cases = [
            ("#1d5a9e", true),  // the theme's own blue
            ("#0b3d91", true),  // a navy: dark mode lightens it
            ("#e4002b", false), // a signal red: 4.0:1 on the light page
            ("#f5e663", false), // a pale yellow: 1.2:1
            ("#00a19a", false), // a teal
            ("#ff6600", false), // an orange
            ("#ffffff", false), // white, by mistake
            ("#000000", true),  // black
            ("#7a1f1f", true),  // a dark red
        ];
        for (accent, kept) in cases {
            let p = palette(hex(accent));
            assert_readable(&p);
            assert_eq!(!p.light_corrected(), kept, "{accent}: {p:?}");
            assert_eq!(p.light_contrast >= AA_TEXT, kept, "{accent}: {p:?}");
        }
    }

    #[test]
    fn a_pale_yellow_is_darkened_to_an_olive_not_to_black() {
        let p = palette(hex("#f5e663"));
        let shade = p.light.accent;
        assert!(p.light_contrast < 1.5, "{p:?}");
        // Still a yellow: red and green well above blue, and not black.
        assert!(shade.0 > shade.2 + 20 && shade.1 > shade.2 + 20, "{shade}");
        assert!(shade.luminance() > 0.1, "{shade}");
        // In dark mode the pale yellow already reads.
        assert_eq!(p.dark.accent, hex("#f5e663"));
    }

    #[test]
    fn the_theme_colours_are_those_of_style_css() {
        let style = include_str!("../../themes/default/static/style.css");
        let (light, dark) = style
            .split_once("prefers-color-scheme: dark")
            .expect("dark block");
        for (block, page, inks) in [
            (light, LIGHT_BACKGROUNDS, LIGHT_INKS),
            (dark, DARK_BACKGROUNDS, DARK_INKS),
        ] {
            let names = ["--bg", "--surface", "--surface-2", "--text", "--muted"];
            for (name, value) in names.iter().zip(page.iter().chain(inks.iter())) {
                assert!(
                    block.contains(&format!("{name}: {value};")),
                    "{name}: {value}"
                );
            }
        }
    }

    #[test]
    fn logos_are_image_files_of_the_site_and_nothing_else() {
        for good in ["logo.svg", "brand/logo.PNG", "favicon.ico", "mark.webp"] {
            assert_eq!(logo_problem(good), None, "{good}");
        }
        for bad in [
            "",
            "https://cdn.example.com/logo.svg",
            "//cdn.example.com/logo.svg",
            "data:image/svg+xml,<svg/>",
            "/logo.svg",
            "../logo.svg",
            "brand/../../logo.svg",
            "logo.pdf",
            "logo",
        ] {
            assert!(logo_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(image_type("a.SVG"), Some("image/svg+xml"));
    }
}
