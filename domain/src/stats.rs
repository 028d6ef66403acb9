//! The arithmetic of Stadsporten's published figures (handling times, satisfaction, the digital
//! share, devices): counts, shares, medians from day histograms and 95 % confidence intervals,
//! computed from the roll-ups the database keeps (counts, sums, sums of squares, histograms), never
//! from individual cases.
//!
//! Policy: a figure built on fewer than [`MIN_COUNT`] (5) observations is [`Figure::Suppressed`]
//! ("too few cases to show"), never shown as a number, and never as 0: a published 0 next to a
//! suppressed 3 would tell a reader which groups are empty, and a small count can point at a
//! person. Intervals are reported as computed; clamping to a scale (0–100, 1–5) is the caller's.

use serde::{Deserialize, Serialize};

/// The fewest observations a published figure may rest on.
pub const MIN_COUNT: u64 = 5;

/// A published figure: a value, or suppressed because too few observations lie behind it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Figure<T> {
    Value(T),
    /// Fewer than [`MIN_COUNT`] observations: shown as "too few cases to show".
    Suppressed,
}

impl<T> Figure<T> {
    /// A value resting on `n` observations: suppressed under [`MIN_COUNT`].
    pub fn of(n: u64, value: T) -> Figure<T> {
        if n < MIN_COUNT {
            Figure::Suppressed
        } else {
            Figure::Value(value)
        }
    }

    /// The value, `None` when suppressed.
    pub fn value(&self) -> Option<&T> {
        match self {
            Figure::Value(v) => Some(v),
            Figure::Suppressed => None,
        }
    }

    /// The value, `None` when suppressed.
    pub fn into_value(self) -> Option<T> {
        match self {
            Figure::Value(v) => Some(v),
            Figure::Suppressed => None,
        }
    }

    pub fn is_suppressed(&self) -> bool {
        matches!(self, Figure::Suppressed)
    }

    /// The figure with its value transformed; a suppressed figure stays suppressed.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Figure<U> {
        match self {
            Figure::Value(v) => Figure::Value(f(v)),
            Figure::Suppressed => Figure::Suppressed,
        }
    }
}

/// A count as published: suppressed under [`MIN_COUNT`], 0 included. "None" and "a few" are
/// shown alike, since telling them apart is what suppression hides.
pub fn count(n: u64) -> Figure<u64> {
    Figure::of(n, n)
}

/// `part / total`, 0–1 (a `part` over `total` counts as `total`); suppressed when `total` is under
/// [`MIN_COUNT`]. A small part of a large total is shown: the total is what could point at someone.
pub fn share(part: u64, total: u64) -> Figure<f64> {
    // u64 to f64 rounds only above 2^53, far beyond any count here.
    Figure::of(total, part.min(total) as f64 / total as f64)
}

/// The share of cases filed digitally (through Stadsporten) of all cases of a service, e-mail,
/// paper and desk included: [`share`] of `digital` in `total`.
pub fn digital_share(digital: u64, total: u64) -> Figure<f64> {
    share(digital, total)
}

/// The value with 0-based rank `rank` in a histogram sorted by value, where the total is above
/// `rank`.
fn ranked(sorted: &[(i64, u64)], rank: u128) -> i64 {
    let mut seen = 0u128;
    for &(value, n) in sorted {
        seen += u128::from(n);
        if seen > rank {
            return value;
        }
    }
    sorted.last().map_or(0, |&(v, _)| v)
}

/// The `p` quantile (0–1) of a histogram of whole values (days) with their counts, in any order,
/// by linear interpolation between the closest ranks (R's type 7, the spreadsheets' `PERCENTILE`),
/// so `p` = 0.5 is the median. `None` when the histogram is empty (or all counts are 0) or `p` is
/// not within 0–1. Not suppressed: see [`median`] for the published form.
pub fn percentile_from_histogram(h: &[(i64, u64)], p: f64) -> Option<f64> {
    if !(0.0..=1.0).contains(&p) {
        return None;
    }
    let mut sorted: Vec<(i64, u64)> = h.iter().copied().filter(|&(_, n)| n > 0).collect();
    sorted.sort_unstable_by_key(|&(v, _)| v);
    let total: u128 = sorted.iter().map(|&(_, n)| u128::from(n)).sum();
    if total == 0 {
        return None;
    }
    // The position among ranks 0..total; rounding above 2^53 observations does not matter.
    let position = p * (total - 1) as f64;
    let below = position.floor() as u128;
    let (low, high) = (ranked(&sorted, below) as f64, ranked(&sorted, (below + 1).min(total - 1)) as f64);
    let fraction = position - below as f64;
    Some(low + (high - low) * fraction)
}

/// The median of a histogram (see [`percentile_from_histogram`]): with an even total the mean of
/// the two middle values.
pub fn median_from_histogram(h: &[(i64, u64)]) -> Option<f64> {
    percentile_from_histogram(h, 0.5)
}

/// The median as published: suppressed when the histogram holds fewer than [`MIN_COUNT`]
/// observations.
pub fn median(h: &[(i64, u64)]) -> Figure<f64> {
    let total = h.iter().fold(0u64, |t, &(_, n)| t.saturating_add(n));
    match median_from_histogram(h) {
        Some(m) => Figure::of(total, m),
        None => Figure::Suppressed,
    }
}

/// The 0.975 quantile of the standard normal distribution: a two-sided 95 % interval.
const Z_975: f64 = 1.959_963_984_540_054;

/// The 0.975 quantiles of Student's t for 1–30 degrees of freedom.
const T_975: [f64; 30] = [
    12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622, 2.2281, 2.2010, 2.1788, 2.1604, 2.1448,
    2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860, 2.0796, 2.0739, 2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484,
    2.0452, 2.0423,
];

/// The 0.975 quantile of Student's t with `df` degrees of freedom (0 is treated as 1): the table
/// up to 30, then the Cornish–Fisher expansion around the normal quantile, which is within 0.0001
/// from 30 on (2.0423 at 30, 2.0211 at 40, 1.9840 at 100) and tends to 1.96.
pub fn t_975(df: u64) -> f64 {
    match usize::try_from(df) {
        Ok(0) => T_975[0],
        Ok(d) if d <= T_975.len() => T_975[d - 1],
        _ => {
            let v = df as f64;
            let z = Z_975;
            let (z3, z5, z7) = (z.powi(3), z.powi(5), z.powi(7));
            z + (z3 + z) / (4.0 * v)
                + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * v * v)
                + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * v * v * v)
        }
    }
}

/// A mean with its 95 % confidence interval.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MeanCi {
    /// The observations behind it.
    pub n: u64,
    pub mean: f64,
    /// The lower bound of the 95 % interval (not clamped to any scale).
    pub low: f64,
    /// The upper bound of the 95 % interval (not clamped to any scale).
    pub high: f64,
}

/// The mean of `n` observations and its 95 % confidence interval (Student's t, the sample
/// standard deviation with n − 1), from the aggregates the database keeps: the count, the sum and
/// the sum of squares. Suppressed under [`MIN_COUNT`]. Rounding in `sum_sq − sum²/n` can make a
/// variance of identical values slightly negative; it counts as 0.
pub fn mean_ci(n: u64, sum: f64, sum_sq: f64) -> Figure<MeanCi> {
    if n < MIN_COUNT {
        return Figure::Suppressed;
    }
    let count = n as f64;
    let mean = sum / count;
    let variance = ((sum_sq - sum * mean) / (count - 1.0)).max(0.0);
    let half = t_975(n - 1) * (variance / count).sqrt();
    Figure::Value(MeanCi { n, mean, low: mean - half, high: mean + half })
}

/// The Wilson score 95 % interval for the proportion `part / total` (a `part` over `total` counts
/// as `total`): unlike the normal approximation it stays within 0–1 and is sensible at 0 and at
/// `total`. `None` when `total` is 0. Not suppressed: wrap it with [`Figure::of`] to publish it.
pub fn wilson_interval(part: u64, total: u64) -> Option<(f64, f64)> {
    if total == 0 {
        return None;
    }
    let (k, n) = (part.min(total) as f64, total as f64);
    let p = k / n;
    let z2 = Z_975 * Z_975;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z_975 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// The UMUX-Lite score (0–100) of one answer from its two items, each 1–7 ("useful", "easy to
/// use"): (useful + easy − 2) / 12 × 100, the same formula as
/// [`SatisfactionAnswer::umux_lite`](crate::eservice::SatisfactionAnswer::umux_lite). Items
/// outside 1–7 are the caller's to refuse; they give scores outside 0–100.
pub fn umux_lite(useful: u8, easy: u8) -> f64 {
    (f64::from(useful) + f64::from(easy) - 2.0) / 12.0 * 100.0
}

slug_enum! {
    /// The kind of device a visit came from, as the figures on devices show it.
    DeviceClass {
        /// A handheld device: phones, and tablets with them (a tablet is used like a phone and
        /// its layout is the narrow one).
        Phone => "phone",
        /// A desktop or laptop, and anything not recognised.
        Computer => "computer",
        /// A smart TV, a TV stick or a media box.
        Tv => "tv",
    }
}

/// Anything not recognised is a computer.
impl Default for DeviceClass {
    fn default() -> DeviceClass {
        DeviceClass::Computer
    }
}

/// Substrings (lower case) that only TV browsers send: Samsung, LG, Philips, Sony, Panasonic, HbbTV
/// sets, Opera TV, Roku, Apple TV, Google/Android TV and Chromecast.
const TV_MARKERS: &[&str] = &[
    "smart-tv",
    "smarttv",
    "smart tv",
    "hbbtv",
    "web0s",
    "netcast",
    "appletv",
    "apple tv",
    "crkey",
    "bravia",
    "roku",
    "googletv",
    "google tv",
    "android tv",
    "androidtv",
    "philipstv",
    "viera",
    "opera tv",
    "nettv",
];

/// Substrings (lower case) of handheld browsers.
const HANDHELD_MARKERS: &[&str] = &["mobi", "iphone", "ipod", "ipad", "android", "windows phone"];

impl DeviceClass {
    /// The device class of a `User-Agent` header, by the substrings browsers are known to send.
    /// TV markers are looked for first (TV browsers also say "Android" or "Mobile"), then
    /// handheld ones; anything else, an empty header included, is a computer. Tablets count as
    /// phones ([`DeviceClass::Phone`]); an iPad that asks for the desktop site (iPadOS's default)
    /// says "Macintosh" and counts as a computer, which no header can tell apart.
    pub fn from_user_agent(ua: &str) -> DeviceClass {
        let lower = ua.to_ascii_lowercase();
        let has = |s: &str| lower.contains(s);
        let tv = TV_MARKERS.iter().any(|m| has(m))
            || ((has("tizen") || has("webos")) && has("tv"))
            // Fire TV models are "AFT…" ("AFTMM", "AFTKA"): upper case, a word of its own.
            || ua.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
                w.len() > 3 && w.starts_with("AFT") && w.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            });
        if tv {
            DeviceClass::Tv
        } else if HANDHELD_MARKERS.iter().any(|m| has(m)) {
            DeviceClass::Phone
        } else {
            DeviceClass::Computer
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn counts_under_five_are_suppressed_zero_included() {
        assert_eq!(count(0), Figure::Suppressed);
        assert_eq!(count(4), Figure::Suppressed);
        assert_eq!(count(5), Figure::Value(5));
        assert_eq!(count(1234), Figure::Value(1234));
        assert_eq!(count(5).map(|n| n * 2).value(), Some(&10));
        assert!(count(4).map(|n| n * 2).is_suppressed());
        assert_eq!(count(4).into_value(), None);
    }

    #[test]
    fn the_serde_form_names_the_suppression() {
        let json = |f: &Figure<u64>| serde_json::to_string(f).unwrap_or_default();
        assert_eq!(json(&count(3)), r#""Suppressed""#);
        assert_eq!(json(&count(7)), r#"{"Value":7}"#);
        assert_eq!(serde_json::from_str::<Figure<u64>>(r#"{"Value":7}"#).ok(), Some(count(7)));
    }

    #[test]
    fn shares_need_a_total_of_five() {
        assert_eq!(share(1, 4), Figure::Suppressed);
        assert_eq!(share(0, 0), Figure::Suppressed);
        assert_eq!(share(1, 5), Figure::Value(0.2));
        assert_eq!(share(0, 5), Figure::Value(0.0));
        assert_eq!(share(9, 5), Figure::Value(1.0), "a part over the total is the total");
        assert_eq!(digital_share(45, 60), Figure::Value(0.75));
    }

    #[test]
    fn medians_and_percentiles_from_histograms() {
        // 1, 1, 3, 10, 10.
        let odd = [(10, 2), (1, 2), (3, 1)];
        assert_eq!(median_from_histogram(&odd), Some(3.0));
        assert_eq!(median_from_histogram(&[(1, 2), (3, 1), (10, 2)]), Some(3.0));
        // 1, 1, 3, 10: the mean of 1 and 3.
        assert_eq!(median_from_histogram(&[(1, 2), (3, 1), (10, 1)]), Some(2.0));
        // 4, 4, 9, 9: the mean of 4 and 9, though neither value is in the middle of a bucket.
        assert_eq!(median_from_histogram(&[(4, 2), (9, 2)]), Some(6.5));
        assert_eq!(median_from_histogram(&[(7, 1)]), Some(7.0));
        assert_eq!(median_from_histogram(&[(-2, 3), (5, 0)]), Some(-2.0), "empty buckets are ignored");
        assert_eq!(median_from_histogram(&[]), None);
        assert_eq!(median_from_histogram(&[(3, 0)]), None);
        // Ranks 0–4 of 1, 1, 3, 10, 10: p = 0.6 is rank 2.4, 3 + 0.4 × 7.
        assert_eq!(percentile_from_histogram(&odd, 0.0), Some(1.0));
        assert_eq!(percentile_from_histogram(&odd, 0.25), Some(1.0));
        assert!(percentile_from_histogram(&odd, 0.6).is_some_and(|v| close(v, 5.8, 1e-9)));
        assert_eq!(percentile_from_histogram(&odd, 0.9), Some(10.0));
        assert_eq!(percentile_from_histogram(&odd, 1.0), Some(10.0));
        assert_eq!(percentile_from_histogram(&odd, 1.5), None);
        assert_eq!(percentile_from_histogram(&odd, f64::NAN), None);
        // 90th percentile of 1..=10 (one each): rank 8.1, 9 + 0.1.
        let ten: Vec<(i64, u64)> = (1..=10).map(|d| (d, 1)).collect();
        assert!(percentile_from_histogram(&ten, 0.9).is_some_and(|v| close(v, 9.1, 1e-9)));
        assert_eq!(median(&ten), Figure::Value(5.5));
        assert_eq!(median(&[(1, 2), (3, 2)]), Figure::Suppressed, "four cases");
        assert_eq!(median(&[]), Figure::Suppressed);
    }

    #[test]
    fn the_mean_of_one_to_ten_has_a_t_interval() {
        // Mean 5.5, sample sd √(82.5 / 9) = 3.0277, standard error 0.9574, t(9) = 2.2622: ± 2.1659.
        let sum_sq: f64 = (1..=10).map(|x| f64::from(x * x)).sum();
        let Figure::Value(ci) = mean_ci(10, 55.0, sum_sq) else { panic!("ten values are shown") };
        assert_eq!(ci.n, 10);
        assert!(close(ci.mean, 5.5, 1e-12));
        assert!(close(ci.high - ci.mean, 2.1659, 1e-4), "{ci:?}");
        assert!(close(ci.mean - ci.low, 2.1659, 1e-4), "{ci:?}");
        // Identical values: no spread, and rounding does not make the variance negative.
        let Figure::Value(same) = mean_ci(6, 6.0 * 4.1, 6.0 * 4.1 * 4.1) else { panic!("six values") };
        assert!(close(same.low, 4.1, 1e-6) && close(same.high, 4.1, 1e-6), "{same:?}");
        assert!(same.low.is_finite());
    }

    #[test]
    fn means_under_five_are_suppressed() {
        assert_eq!(mean_ci(4, 10.0, 30.0), Figure::Suppressed);
        assert_eq!(mean_ci(0, 0.0, 0.0), Figure::Suppressed);
        assert!(!mean_ci(5, 10.0, 30.0).is_suppressed());
    }

    #[test]
    fn t_quantiles_from_the_table_and_the_expansion() {
        assert_eq!(t_975(0), 12.7062);
        assert_eq!(t_975(1), 12.7062);
        assert_eq!(t_975(9), 2.2622);
        assert_eq!(t_975(30), 2.0423);
        // Published values: 2.0395 (31), 2.0211 (40), 2.0086 (50), 1.9840 (100), 1.9647 (500),
        // 1.9623 (1000).
        for (df, t) in [(31, 2.0395), (40, 2.0211), (50, 2.0086), (100, 1.9840), (500, 1.9647), (1000, 1.9623)] {
            assert!(close(t_975(df), t, 1e-4), "{df}: {}", t_975(df));
        }
        assert!(close(t_975(u64::MAX), Z_975, 1e-9));
        // Decreasing all the way, across the seam at 30.
        assert!((1..200).all(|df| t_975(df) > t_975(df + 1)));
    }

    #[test]
    fn wilson_intervals() {
        // 8 of 10: 0.4902–0.9433.
        let Some((low, high)) = wilson_interval(8, 10) else { panic!("a total") };
        assert!(close(low, 0.4902, 1e-4) && close(high, 0.9433, 1e-4), "{low} {high}");
        // 0 of 20: 0–0.1611; all of 20: the mirror image.
        let Some((low, high)) = wilson_interval(0, 20) else { panic!("a total") };
        assert!(low == 0.0 && close(high, 0.1611, 1e-4), "{low} {high}");
        let Some((low, high)) = wilson_interval(20, 20) else { panic!("a total") };
        assert!(close(low, 0.8389, 1e-4) && high == 1.0, "{low} {high}");
        assert_eq!(wilson_interval(0, 0), None);
    }

    #[test]
    fn umux_lite_is_the_case_module_formula() {
        assert_eq!(umux_lite(7, 7), 100.0);
        assert_eq!(umux_lite(1, 1), 0.0);
        assert_eq!(umux_lite(4, 4), 50.0);
        assert_eq!(umux_lite(6, 7).round(), 92.0);
    }

    #[test]
    fn device_classes_from_real_user_agents() {
        for (ua, class) in [
            // Chrome on Windows, Safari on macOS, Firefox on Linux.
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                DeviceClass::Computer,
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
                DeviceClass::Computer,
            ),
            ("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", DeviceClass::Computer),
            // Safari on an iPhone, Chrome on Android, Samsung Internet.
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
                DeviceClass::Phone,
            ),
            (
                "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                DeviceClass::Phone,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36",
                DeviceClass::Phone,
            ),
            // Tablets count with phones: an iPad in mobile mode, an Android tablet (no "Mobile").
            (
                "Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1",
                DeviceClass::Phone,
            ),
            (
                "Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
                DeviceClass::Phone,
            ),
            // A Samsung Tizen TV, an LG webOS TV, a Chromecast, a Fire TV stick, an Opera TV set,
            // an Android TV, an HbbTV set, a Roku.
            (
                "Mozilla/5.0 (SMART-TV; LINUX; Tizen 6.0) AppleWebKit/537.36 (KHTML, like Gecko) 76.0.3809.146/6.0 TV Safari/537.36",
                DeviceClass::Tv,
            ),
            (
                "Mozilla/5.0 (Web0S; Linux/SmartTV) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.79 Safari/537.36 WebAppManager",
                DeviceClass::Tv,
            ),
            (
                "Mozilla/5.0 (X11; Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0.4430.225 Safari/537.36 CrKey/1.56.500000 DeviceType/AndroidTV",
                DeviceClass::Tv,
            ),
            (
                "Mozilla/5.0 (Linux; Android 9; AFTMM Build/PS7633; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36",
                DeviceClass::Tv,
            ),
            (
                "Mozilla/5.0 (Linux armv7l) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 OPR/68.0.3618.206 OMI/4.20.4.108.Foxhound.0 Model/Hisense-MT9602 VIDAA/6.0(Hisense;SmartTV;43A6K;MT9602/V0000.06.12A.N0406;UHD;HU43A6200F;) ",
                DeviceClass::Tv,
            ),
            (
                "Mozilla/5.0 (Linux; Android 12; BRAVIA 4K VH2 Build/STT1.211025.001.Z4; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36",
                DeviceClass::Tv,
            ),
            (
                "Opera/9.80 (Linux mips; U; HbbTV/1.1.1 (; Philips; ; ; ; ) CE-HTML/1.0 NETTV/3.2.1; en) Presto/2.6.33 Version/10.70",
                DeviceClass::Tv,
            ),
            ("Roku/DVP-9.10 (519.10E04111A)", DeviceClass::Tv),
            // No header at all, and a bot.
            ("", DeviceClass::Computer),
            ("curl/8.5.0", DeviceClass::Computer),
            // "Aft" as part of a word is not a Fire TV.
            ("Minecraft/1.20 (Windows NT 10.0) AFTERBURNERx", DeviceClass::Computer),
        ] {
            assert_eq!(DeviceClass::from_user_agent(ua), class, "{ua}");
        }
        assert_eq!(DeviceClass::parse("tv"), Some(DeviceClass::Tv));
    }
}
