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
    /// itself, so the class reaches above its break.
    pub open_top: bool,
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
            let above = self.breaks.iter().position(|&upper| value < upper);
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
}

/// Divides `values` into at most `k` classes; `None` when there are no finite values. Fewer
/// classes come out when there are fewer distinct values, or when ties make breaks coincide.
pub fn classify(values: &[f64], k: usize, method: ClassMethod) -> Option<Classes> {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() || k == 0 {
        return None;
    }
    sorted.sort_by(f64::total_cmp);
    let distinct = {
        let mut d = sorted.clone();
        d.dedup();
        d.len()
    };
    let k = k.min(distinct);
    let (min, max) = (sorted[0], sorted[sorted.len() - 1]);
    let mut breaks = match method {
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
        ClassMethod::NaturalBreaks => jenks_breaks(&sorted, k),
    };
    breaks.dedup_by(|a, b| (*a - *b).abs() <= f64::EPSILON * a.abs().max(1.0));
    let mut classes = Classes { min, counts: vec![0; breaks.len()], breaks, open_top: false };
    for &v in &sorted {
        let class = classes.class_of(v);
        classes.counts[class] += 1;
    }
    Some(classes)
}

/// Classes of values as they were stated: [`classify`]'s breaks, with each value placed by
/// [`Classes::class_of_stated`] (">400" is not in a class ending at 400), and the last class
/// left open when its largest value is stated as "more than".
pub fn classify_stated(values: &[(f64, Qualifier)], k: usize, method: ClassMethod) -> Option<Classes> {
    let plain: Vec<f64> = values.iter().map(|&(value, _)| value).collect();
    let mut classes = classify(&plain, k, method)?;
    let largest = classes.breaks.last().copied().unwrap_or(classes.min);
    classes.counts.fill(0);
    for &(value, qualifier) in values.iter().filter(|(value, _)| value.is_finite()) {
        let class = classes.class_of_stated(value, qualifier);
        classes.counts[class] += 1;
        classes.open_top |= qualifier == Qualifier::AtLeast && value >= largest;
    }
    Some(classes)
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
        // ">100" is the largest: the last class has no upper bound.
        assert!(classes.open_top);
        let plain = classify(&VALUES, 3, ClassMethod::Quantiles).expect("values");
        assert!(!plain.open_top);
        assert_eq!(plain.counts, [3, 3, 3]);
        // "More than" a value inside a class, not on its bound, stays in that class.
        assert_eq!(classes.class_of_stated(11.0, AtLeast), 1);
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
