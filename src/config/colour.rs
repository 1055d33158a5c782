//! Colours and their contrast, as WCAG 2.2 measures it (success criterion 1.4.3: text needs
//! 4.5:1 against its background), and the nearest shade of a colour that reaches a ratio.
//! Pure arithmetic over sRGB: the brand accent and the highlighting themes use it.

use std::fmt;

/// The contrast WCAG 2.2 AA asks of normal text.
pub const AA_TEXT: f64 = 4.5;

/// An sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` or `#rgb` (the `#` may be left out), case-insensitive.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim();
        let hex = hex.strip_prefix('#').unwrap_or(hex);
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            6 => Some(Rgb(
                channel(&hex[0..2])?,
                channel(&hex[2..4])?,
                channel(&hex[4..6])?,
            )),
            3 => {
                let short = |i: usize| channel(&hex[i..=i]).map(|v| v * 17);
                Some(Rgb(short(0)?, short(1)?, short(2)?))
            }
            _ => None,
        }
    }

    /// Relative luminance (WCAG 2.2, "relative luminance"): 0 for black, 1 for white.
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// This colour moved `amount` (0 to 1) of the way towards `other`, channel by channel.
    pub fn mix(self, other: Rgb, amount: f64) -> Rgb {
        let amount = amount.clamp(0.0, 1.0);
        let channel = |a: u8, b: u8| {
            let v = f64::from(a) + (f64::from(b) - f64::from(a)) * amount;
            // Clamped to 0..=255 above, so the cast keeps the value.
            v.round().clamp(0.0, 255.0) as u8
        };
        Rgb(
            channel(self.0, other.0),
            channel(self.1, other.1),
            channel(self.2, other.2),
        )
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

pub const BLACK: Rgb = Rgb(0, 0, 0);
pub const WHITE: Rgb = Rgb(255, 255, 255);

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white).
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// The lowest contrast `colour` has against any of `backgrounds` (21 when there are none).
pub fn worst_contrast(colour: Rgb, backgrounds: &[Rgb]) -> f64 {
    backgrounds
        .iter()
        .map(|&b| contrast(colour, b))
        .fold(21.0, f64::min)
}

/// `colour` itself when it has at least `ratio` against every one of `backgrounds`;
/// otherwise the shade of it nearest to it that does: darkened towards black against light
/// backgrounds, lightened towards white against dark ones, so the hue stays. Black or white
/// when no shade reaches the ratio.
pub fn readable_on(colour: Rgb, backgrounds: &[Rgb], ratio: f64) -> Rgb {
    if worst_contrast(colour, backgrounds) >= ratio {
        return colour;
    }
    // Light backgrounds take darker text, dark ones lighter text.
    let towards = if worst_contrast(BLACK, backgrounds) >= worst_contrast(WHITE, backgrounds) {
        BLACK
    } else {
        WHITE
    };
    if worst_contrast(towards, backgrounds) < ratio {
        return towards;
    }
    // The smallest step that reaches the ratio: contrast grows with the step, so halve the
    // interval until it is one 8-bit step wide, and keep the end that passes.
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    for _ in 0..24 {
        let middle = (low + high) / 2.0;
        if worst_contrast(colour.mix(towards, middle), backgrounds) >= ratio {
            high = middle;
        } else {
            low = middle;
        }
    }
    colour.mix(towards, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_colours_parse_in_their_written_forms_and_nothing_else() {
        assert_eq!(Rgb::parse("#1d5a9e"), Some(Rgb(0x1d, 0x5a, 0x9e)));
        assert_eq!(Rgb::parse("1D5A9E"), Some(Rgb(0x1d, 0x5a, 0x9e)));
        assert_eq!(Rgb::parse("#fc0"), Some(Rgb(0xff, 0xcc, 0x00)));
        for bad in [
            "",
            "#",
            "#12345",
            "#1234567",
            "#ggg000",
            "red",
            "rgb(1,2,3)",
            "#+1+2+3",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
        assert_eq!(Rgb(0x1d, 0x5a, 0x9e).to_string(), "#1d5a9e");
    }

    #[test]
    fn contrast_matches_the_figures_axe_reports() {
        // axe-core shows the ratio cut to two decimals.
        let round = |x: f64| (x * 100.0 + 1e-9).floor() / 100.0;
        assert_eq!(round(contrast(BLACK, WHITE)), 21.0);
        assert_eq!(round(contrast(WHITE, WHITE)), 1.0);
        // The two findings of issue 19, as axe-core 4.14 reported them.
        let light_code = Rgb::parse("#f3f4f6").unwrap();
        let dark_code = Rgb::parse("#2b303b").unwrap();
        assert_eq!(
            round(contrast(Rgb::parse("#63a35c").unwrap(), light_code)),
            2.75
        );
        assert_eq!(
            round(contrast(Rgb::parse("#bf616a").unwrap(), dark_code)),
            3.23
        );
    }

    #[test]
    fn a_readable_shade_is_the_colour_itself_when_it_already_passes() {
        let navy = Rgb::parse("#1d5a9e").unwrap();
        assert_eq!(
            readable_on(navy, &[WHITE, Rgb::parse("#f8f7f4").unwrap()], AA_TEXT),
            navy
        );
    }

    #[test]
    fn a_readable_shade_reaches_the_ratio_on_every_background_and_keeps_the_hue() {
        let cases = [
            // A pale yellow brand colour on the light theme: darkened.
            ("#f5e663", vec!["#ffffff", "#f8f7f4", "#f0efeb"], true),
            // GitHub's green on the light code background.
            ("#63a35c", vec!["#f3f4f6", "#ffffff"], true),
            // A dark red on the dark code background: lightened.
            ("#bf616a", vec!["#2b303b"], false),
            // A navy accent on the dark page: lightened.
            ("#1d3a6e", vec!["#15171b", "#1d2026", "#262a31"], false),
        ];
        for (colour, backgrounds, darker) in cases {
            let colour = Rgb::parse(colour).unwrap();
            let backgrounds: Vec<Rgb> =
                backgrounds.iter().map(|b| Rgb::parse(b).unwrap()).collect();
            let shade = readable_on(colour, &backgrounds, AA_TEXT);
            assert!(
                worst_contrast(shade, &backgrounds) >= AA_TEXT,
                "{colour} → {shade}"
            );
            assert_eq!(
                shade.luminance() < colour.luminance(),
                darker,
                "{colour} → {shade}"
            );
            // The nearest shade: one step less would not pass.
            assert!(worst_contrast(colour.mix(shade, 0.97), &backgrounds) < AA_TEXT + 0.2);
            // Hue kept: the strongest channel stays the strongest.
            let strongest = |c: Rgb| {
                let v = [c.0, c.1, c.2];
                (0..3).max_by_key(|&i| v[i]).unwrap()
            };
            if darker {
                assert_eq!(strongest(shade), strongest(colour), "{colour} → {shade}");
            }
        }
    }

    #[test]
    fn a_ratio_no_shade_reaches_gives_black_or_white() {
        let grey = Rgb::parse("#777777").unwrap();
        assert_eq!(readable_on(grey, &[WHITE], 25.0), BLACK);
        assert_eq!(readable_on(grey, &[BLACK], 25.0), WHITE);
    }
}
