//! Dividing values into classes for the choropleth map: quantiles, equal intervals and natural
//! breaks (Jenks). Pure functions; the map only colours by the result.

use serde::{Deserialize, Serialize};

use crate::model::Qualifier;

/// How class breaks are chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ClassMethod {
    /// About the same number of values in each class.
    #[default]
    Quantiles,
    /// Classes of the same width between the smallest and largest value.
    EqualIntervals,
    /// Breaks where the values are furthest apart (Jenks): least variance within classes.
    NaturalBreaks,
}

/// Classes of a set of values.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    /// The smallest value.
    pub min: f64,
    /// The upper bound of each class, ascending; the last is the largest value.
    pub breaks: Vec<f64>,
    /// How many values fall in each class.
    pub counts: Vec<usize>,
    /// Whether the last class has no upper bound: its largest value was stated as "more than"
    /// itself, so the class reaches above its break. (A "more than" value lower down is in the
    /// lowest class it can be in and may belong higher; what it is stated as is said where the
    /// value is shown.)
    pub open_top: bool,
    /// Whether the first class has no lower bound: its smallest value was stated as "less than"
    /// itself.
    pub open_bottom: bool,
}

impl Classes {
    /// The class of `value`: the first whose upper bound is not below it.
    pub fn class_of(&self, value: f64) -> usize {
        self.breaks.iter().position(|&upper| value <= upper).unwrap_or(self.breaks.len().saturating_sub(1))
    }

    /// The class of a value stated as `qualifier`. A value stated as "more than" lies above
    /// itself, so one on a class's upper bound cannot be in that class: it goes to the lowest
    /// class it can be in, the next one up. (One stated as "less than" lies below itself, and
    /// the first class whose upper bound is not below it is still the highest it can be in.)
    pub fn class_of_stated(&self, value: f64, qualifier: Qualifier) -> usize {
        if qualifier == Qualifier::AtLeast {
            // Below the bound by more than rounding: an equal-interval break is computed, and
            // ">40" must not stay in a class ending at 40.000000000001.
            let above = self.breaks.iter().position(|&upper| value < upper - rounding(upper));
            above.unwrap_or(self.breaks.len().saturating_sub(1))
        } else {
            self.class_of(value)
        }
    }

    /// The lower bound of class `i`: the smallest value for the first class, else the previous
    /// class's upper bound.
    pub fn lower_bound(&self, i: usize) -> f64 {
        if i == 0 { self.min } else { self.breaks.get(i - 1).copied().unwrap_or(self.min) }
    }

    /// How many classes, the lowest, hold only negative values (losses): the map colours them
    /// apart from the others, which hold none ([`classify`] keeps the two apart).
    pub fn negative_classes(&self) -> usize {
        self.breaks.iter().filter(|&&upper| upper < 0.0).count()
    }

    /// Whether class `i` holds zero and nothing else ("0 parks"). Such a class is drawn in one
    /// colour however many classes there are, so a district whose count stays zero keeps its
    /// colour when a filter changes the other districts' counts.
    pub fn holds_only_zero(&self, i: usize) -> bool {
        // The first class above the losses starts past the last loss, and holds only zero when
        // it ends there.
        let starts_at_zero = self.lower_bound(i) == 0.0 || (i > 0 && i == self.negative_classes());
        starts_at_zero && self.breaks.get(i) == Some(&0.0)
    }
}

/// Divides `values` into at most `k` classes; `None` when there are no finite values. Fewer
/// classes come out when there are fewer distinct values, or when ties make breaks coincide.
pub fn classify(values: &[f64], k: usize, method: ClassMethod) -> Option<Classes> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() || k == 0 {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let mut distinct = sorted.clone();
    distinct.dedup();
    let mut breaks = match method {
        // Classes enough for every value: each value a class of its own. Quantile breaks fall
        // on tied values and merge: districts of 1 and 2 parks made one class "1–2", one
        // colour, under a takeaway naming the districts with more.
        ClassMethod::Quantiles if distinct.len() <= k => distinct,
        _ => breaks_of(&sorted, k.min(distinct.len()), method),
    };
    breaks.dedup_by(|a, b| (*a - *b).abs() <= f64::EPSILON * a.abs().max(1.0));
    // A class holding both losses and gains would colour a loss as a small gain: where values
    // lie on both sides of zero, some break lies between the largest negative one and zero.
    if let Some(largest_negative) = largest_negative_beside_others(&sorted)
        && !breaks.iter().any(|&upper| (largest_negative..0.0).contains(&upper))
    {
        let at = breaks.partition_point(|&upper| upper < largest_negative);
        breaks.insert(at, largest_negative);
    }
    let mut classes =
        Classes { min: sorted[0], counts: vec![0; breaks.len()], breaks, open_top: false, open_bottom: false };
    for &v in &sorted {
        let class = classes.class_of(v);
        classes.counts[class] += 1;
    }
    Some(classes)
}

/// The largest negative value of `sorted` (ascending) when it also holds zero or a positive
/// value.
fn largest_negative_beside_others(sorted: &[f64]) -> Option<f64> {
    let non_negative = sorted.partition_point(|&value| value < 0.0);
    if non_negative == 0 || non_negative == sorted.len() { None } else { Some(sorted[non_negative - 1]) }
}

/// The upper bound of each of `k` classes of `sorted` (ascending, finite), by `method`.
fn breaks_of(sorted: &[f64], k: usize, method: ClassMethod) -> Vec<f64> {
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    match method {
        ClassMethod::EqualIntervals => {
            let width = (max - min) / k as f64;
            (1..=k).map(|i| if i == k { max } else { min + width * i as f64 }).collect()
        }
        ClassMethod::Quantiles => (1..=k)
            .map(|i| {
                let at = (i * sorted.len()).div_ceil(k).saturating_sub(1);
                sorted[at.min(sorted.len() - 1)]
            })
            .collect(),
        ClassMethod::NaturalBreaks => jenks_breaks(sorted, k),
    }
}

/// Classes of values as they were stated: [`classify`]'s breaks, with each value placed by
/// [`Classes::class_of_stated`] (">400" is not in a class ending at 400). A class that only
/// held values moved up out of it is merged into the next one, as a legend row of no district
/// says nothing (an equal interval that no value falls in stays: it shows a gap). The last
/// class is left open when its largest value is stated as "more than", the first when its
/// smallest is stated as "less than".
pub fn classify_stated(values: &[(f64, Qualifier)], k: usize, method: ClassMethod) -> Option<Classes> {
    let finite: Vec<(f64, Qualifier)> = values.iter().copied().filter(|(value, _)| value.is_finite()).collect();
    let plain: Vec<f64> = finite.iter().map(|&(value, _)| value).collect();
    let mut classes = classify(&plain, k, method)?;
    let count = |classes: &Classes| {
        let mut counts = vec![0; classes.breaks.len()];
        for &(value, qualifier) in &finite {
            counts[classes.class_of_stated(value, qualifier)] += 1;
        }
        counts
    };
    let stated = count(&classes);
    let emptied = (0..stated.len()).filter(|&i| stated[i] == 0 && classes.counts[i] > 0).collect::<Vec<_>>();
    for &i in emptied.iter().rev() {
        classes.breaks.remove(i);
    }
    classes.counts = count(&classes);
    let largest = classes.breaks.last().copied().unwrap_or(classes.min);
    classes.open_top = finite
        .iter()
        .any(|&(value, qualifier)| qualifier == Qualifier::AtLeast && value >= largest - rounding(largest));
    classes.open_bottom = finite
        .iter()
        .any(|&(value, qualifier)| qualifier == Qualifier::AtMost && value <= classes.min + rounding(classes.min));
    Some(classes)
}

/// How far apart two bounds may be and still be the same bound, for rounding error.
fn rounding(bound: f64) -> f64 {
    1e-9 * bound.abs().max(1.0)
}

/// Jenks natural breaks by dynamic programming over the sorted values: the `k` classes with the
/// least total squared deviation from their means. Returns each class's largest value.
fn jenks_breaks(sorted: &[f64], k: usize) -> Vec<f64> {
    let n = sorted.len();
    // Prefix sums give any class's squared deviation in constant time.
    let mut sum = vec![0.0; n + 1];
    let mut sum_sq = vec![0.0; n + 1];
    for (i, v) in sorted.iter().enumerate() {
        sum[i + 1] = sum[i] + v;
        sum_sq[i + 1] = sum_sq[i] + v * v;
    }
    let cost = |from: usize, to: usize| {
        // Values sorted[from..to].
        let count = (to - from) as f64;
        let s = sum[to] - sum[from];
        (sum_sq[to] - sum_sq[from]) - s * s / count
    };
    // best[c][j]: least cost of splitting the first j values into c + 1 classes.
    let mut best = vec![vec![f64::INFINITY; n + 1]; k];
    let mut split = vec![vec![0usize; n + 1]; k];
    for (j, first) in best[0].iter_mut().enumerate().skip(1) {
        *first = cost(0, j);
    }
    for c in 1..k {
        for j in c + 1..=n {
            for i in c..j {
                let candidate = best[c - 1][i] + cost(i, j);
                if candidate < best[c][j] {
                    best[c][j] = candidate;
                    split[c][j] = i;
                }
            }
        }
    }
    let mut ends = vec![n; k];
    for c in (1..k).rev() {
        ends[c - 1] = split[c][ends[c]];
    }
    ends.iter().map(|&end| sorted[end - 1]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Losses and gains never share a class, by any method, and the classes of losses are
    /// counted as such.
    #[test]
    fn negative_and_positive_values_never_share_a_class() {
        let values = [-2.8, -0.6, 0.4, 3.0, 12.0, 40.0, 41.0];
        for method in [ClassMethod::Quantiles, ClassMethod::EqualIntervals, ClassMethod::NaturalBreaks] {
            for k in 2..=5 {
                let classes = classify(&values, k, method).expect("values");
                for i in 0..classes.breaks.len() {
                    let held: Vec<f64> = values.iter().copied().filter(|&v| classes.class_of(v) == i).collect();
                    assert!(
                        held.iter().all(|&v| v < 0.0) || held.iter().all(|&v| v >= 0.0),
                        "{method:?}, {k} classes: class {i} holds {held:?}"
                    );
                    assert_eq!(i < classes.negative_classes(), held.first().is_some_and(|&v| v < 0.0), "{held:?}");
                }
            }
        }
        // Equal intervals of -2.8 to 41 in two: the first would reach 19.1, holding both.
        let two = classify(&values, 2, ClassMethod::EqualIntervals).expect("values");
        assert_eq!((two.negative_classes(), two.breaks.len()), (1, 3), "{:?}", two.breaks);
        // All negative, or none: nothing added.
        assert_eq!(classify(&[-3.0, -2.0, -1.0], 3, ClassMethod::EqualIntervals).expect("v").negative_classes(), 3);
        assert_eq!(classify(&[0.0, 2.0, 5.0], 2, ClassMethod::EqualIntervals).expect("v").breaks.len(), 2);
    }

    const VALUES: [f64; 9] = [1.0, 2.0, 3.0, 10.0, 11.0, 12.0, 50.0, 51.0, 100.0];

    #[test]
    fn equal_intervals_split_the_range_evenly() {
        let classes = classify(&VALUES, 3, ClassMethod::EqualIntervals).expect("values");
        assert_eq!(classes.breaks, [34.0, 67.0, 100.0]);
        assert_eq!(classes.counts, [6, 2, 1]);
        assert!((classes.lower_bound(1) - 34.0).abs() < 1e-9);
    }

    #[test]
    fn quantiles_put_about_as_many_values_in_each_class() {
        let classes = classify(&VALUES, 3, ClassMethod::Quantiles).expect("values");
        assert_eq!(classes.breaks, [3.0, 12.0, 100.0]);
        assert_eq!(classes.counts, [3, 3, 3]);
    }

    #[test]
    fn natural_breaks_find_the_gaps() {
        let classes = classify(&VALUES, 4, ClassMethod::NaturalBreaks).expect("values");
        assert_eq!(classes.breaks, [3.0, 12.0, 51.0, 100.0]);
        assert_eq!(classes.counts, [3, 3, 2, 1]);
    }

    #[test]
    fn quantiles_give_each_value_a_class_when_there_are_classes_enough() {
        // Three districts of 2 parks and two of 1: the median falls on a 2, and the quantile
        // breaks (2, 2) made one class "1–2".
        let counts = classify(&[2.0, 1.0, 2.0, 2.0, 1.0], 5, ClassMethod::Quantiles).expect("values");
        assert_eq!((counts.breaks.as_slice(), counts.counts.as_slice()), (&[1.0, 2.0][..], &[2, 3][..]));
        let three = classify(&[0.0, 4.0, 4.0, 4.0, 9.0, 9.0], 3, ClassMethod::Quantiles).expect("values");
        assert_eq!(three.breaks, [0.0, 4.0, 9.0]);
    }

    #[test]
    fn ties_one_value_and_no_data() {
        // Ties: quantile breaks coincide and merge.
        let tied = classify(&[5.0, 5.0, 5.0, 5.0, 9.0], 4, ClassMethod::Quantiles).expect("values");
        assert_eq!(tied.breaks, [5.0, 9.0]);
        assert_eq!(tied.counts, [4, 1]);
        // One value: one class holding it, whatever the method.
        for method in [ClassMethod::Quantiles, ClassMethod::EqualIntervals, ClassMethod::NaturalBreaks] {
            let one = classify(&[7.0], 5, method).expect("a value");
            assert_eq!((one.breaks.as_slice(), one.counts.as_slice()), (&[7.0][..], &[1][..]));
        }
        // No data, or only non-finite values: no classes at all.
        assert_eq!(classify(&[], 5, ClassMethod::Quantiles), None);
        assert_eq!(classify(&[f64::NAN], 5, ClassMethod::NaturalBreaks), None);
    }

    #[test]
    fn a_value_stated_as_more_than_a_break_is_classed_above_it() {
        use Qualifier::{AtLeast, AtMost, Reported};
        // Quantile breaks fall on values: 3, 12 and 100, the last stated as ">100".
        let stated: Vec<(f64, Qualifier)> = VALUES
            .iter()
            .enumerate()
            .map(|(i, &v)| match i {
                0 => (v, AtMost),
                2 | 8 => (v, AtLeast),
                _ => (v, Reported),
            })
            .collect();
        let classes = classify_stated(&stated, 3, ClassMethod::Quantiles).expect("values");
        assert_eq!(classes.breaks, [3.0, 12.0, 100.0], "the breaks are the plain values' breaks");
        // ">3" cannot be in "1 – 3": it moves up to "> 3 – 12".
        assert_eq!(classes.class_of_stated(3.0, AtLeast), 1);
        assert_eq!(classes.class_of_stated(3.0, Reported), 0);
        assert_eq!(classes.class_of_stated(1.0, AtMost), 0);
        assert_eq!(classes.counts, [2, 4, 3]);
        // ">100" is the largest: the last class has no upper bound; "<1" the smallest: the
        // first has no lower one.
        assert!(classes.open_top && classes.open_bottom);
        // "More than" a value inside a class, not on its bound, stays in that class.
        assert_eq!(classes.class_of_stated(11.0, AtLeast), 1);
        // Stated plainly, the same values close both ends.
        let plain: Vec<(f64, Qualifier)> = VALUES.iter().map(|&v| (v, Reported)).collect();
        let plain = classify_stated(&plain, 3, ClassMethod::Quantiles).expect("values");
        assert!(!plain.open_top && !plain.open_bottom);
        assert_eq!(plain.counts, [3, 3, 3]);
    }

    #[test]
    fn a_class_emptied_by_moving_a_value_up_is_merged_but_an_empty_interval_stays() {
        use Qualifier::{AtLeast, Reported};
        // Quantiles break at 10 and 26.1; ">10" leaves the first class with nothing.
        let classes = classify_stated(&[(10.0, AtLeast), (26.1, Reported)], 2, ClassMethod::Quantiles).expect("values");
        assert_eq!((classes.breaks.as_slice(), classes.counts.as_slice()), (&[26.1][..], &[2][..]));
        // Equal thirds of 0–100: nothing between 33 and 67 is a gap worth showing.
        let gap = [(0.0, Reported), (10.0, Reported), (100.0, Reported)];
        let classes = classify_stated(&gap, 3, ClassMethod::EqualIntervals).expect("values");
        assert_eq!(classes.counts, [2, 0, 1]);
        // Equal intervals of 0–0.4 break at 0.1 × 3 = 0.30000000000000004: ">0.3" is above it.
        let plain = classify(&[0.0, 0.1, 0.3, 0.4], 4, ClassMethod::EqualIntervals).expect("values");
        assert!(plain.breaks[2] > 0.3, "the break as computed: {}", plain.breaks[2]);
        let stated = [(0.0, Reported), (0.1, Reported), (0.3, AtLeast), (0.4, Reported)];
        let computed = classify_stated(&stated, 4, ClassMethod::EqualIntervals).expect("values");
        // ">0.3" moved up to 0.4's class; the class it left is merged away, the empty one stays.
        assert_eq!((computed.breaks.as_slice(), computed.counts.as_slice()), (&[0.1, 0.2, 0.4][..], &[2, 0, 2][..]));
    }

    #[test]
    fn only_a_class_of_zero_alone_holds_only_zero() {
        // Nothing matching: one class, of zero.
        let none = classify(&[0.0; 16], 5, ClassMethod::Quantiles).expect("values");
        assert!(none.holds_only_zero(0));
        // One match: the first class is still zero alone; the second is not.
        let mut one = [0.0; 16];
        one[3] = 1.0;
        let one = classify(&one, 5, ClassMethod::Quantiles).expect("values");
        assert!(one.holds_only_zero(0) && !one.holds_only_zero(1));
        // Zero with other values, zero as an upper bound of negative values, and no zero.
        let shared = classify(&[0.0, 1.0, 5.0, 9.0], 2, ClassMethod::EqualIntervals).expect("values");
        assert!(!shared.holds_only_zero(0), "the class 0 – 4.5");
        // Beside losses, the class between the last loss and zero holds zero alone; the losses
        // do not.
        let negative = classify(&[-3.0, 0.0, 4.0], 3, ClassMethod::Quantiles).expect("values");
        assert!(!negative.holds_only_zero(0) && negative.holds_only_zero(1) && !negative.holds_only_zero(2));
        let positive = classify(&[2.0, 4.0], 2, ClassMethod::Quantiles).expect("values");
        assert!(!positive.holds_only_zero(0));
    }

    #[test]
    fn every_value_lands_in_a_class_that_contains_it() {
        for method in [ClassMethod::Quantiles, ClassMethod::EqualIntervals, ClassMethod::NaturalBreaks] {
            let classes = classify(&VALUES, 5, method).expect("values");
            assert_eq!(classes.counts.iter().sum::<usize>(), VALUES.len());
            for v in VALUES {
                let c = classes.class_of(v);
                assert!(v <= classes.breaks[c] && (c == 0 || v > classes.breaks[c - 1]), "{method:?} {v}");
            }
        }
    }
}
