//! How certain it is that a phase exists as recorded: Epoch AI's three grades.

use std::fmt;

tag_enum! {
    /// How certain it is that a phase exists (or will) as recorded, in the three grades of
    /// Epoch AI's GPU-clusters table (its `Certainty` column).
    ///
    /// - [`Confirmed`](Self::Confirmed): the owner, operator or vendor states it, or it is
    ///   running; a company's own announcement of a plan is confirmed as a plan.
    /// - [`Likely`](Self::Likely): reported by credible sources but not confirmed by those
    ///   involved ("people familiar with the matter").
    /// - [`Unlikely`](Self::Unlikely): rumoured, or hedged so far that it may not happen
    ///   ("could", "is in talks to", "weighs").
    ///
    /// The grades are ordered by certainty: `Unlikely < Likely < Confirmed`, so "at least
    /// likely" is `grade >= Certainty::Likely` ([`at_least`](Self::at_least)). The grade is
    /// about whether the phase exists as recorded; how firm its dates are is the
    /// [`Status`](super::Status) and the partial dates' job, and how precise its figures are
    /// the [`Estimate`](crate::estimate::Estimate)s'.
    ///
    /// The default is [`Confirmed`](Self::Confirmed): a phase is graded lower only where a
    /// source hedges. On the wire the field is omitted when it is the default, so registries
    /// written before the field existed read as confirmed.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Certainty;
    /// assert_eq!("Likely".parse::<Certainty>()?, Certainty::Likely);
    /// assert!(Certainty::Confirmed > Certainty::Likely);
    /// assert!(Certainty::Likely.at_least(Certainty::Likely));
    /// assert!(!Certainty::Unlikely.at_least(Certainty::Likely));
    /// assert_eq!(Certainty::default(), Certainty::Confirmed);
    /// # Ok::<(), sovereign_compute::Error>(())
    /// ```
    #[derive(Default)]
    Certainty, "certainty", "unlikely, likely, confirmed" {
        /// Rumoured or heavily hedged; may not happen.
        Unlikely = "unlikely",
        /// Credibly reported, not confirmed by those involved.
        Likely = "likely",
        /// Stated by those involved, or running.
        #[default]
        Confirmed = "confirmed",
    }
}

impl Certainty {
    /// Whether this grade is at least as certain as `grade`.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Certainty;
    /// assert!(Certainty::Confirmed.at_least(Certainty::Unlikely));
    /// assert!(!Certainty::Likely.at_least(Certainty::Confirmed));
    /// ```
    pub fn at_least(self, grade: Certainty) -> bool {
        self >= grade
    }

    /// The grades at least as certain as `grade`, from the most certain down.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Certainty;
    /// assert_eq!(Certainty::Likely.and_above(), [Certainty::Confirmed, Certainty::Likely]);
    /// ```
    pub fn and_above(self) -> Vec<Certainty> {
        Certainty::ALL
            .iter()
            .rev()
            .copied()
            .filter(|c| c.at_least(self))
            .collect()
    }

    /// Whether this is the default grade ([`Confirmed`](Self::Confirmed)), which the wire
    /// format leaves out.
    ///
    /// # Example
    /// ```
    /// use sovereign_compute::model::Certainty;
    /// assert!(Certainty::Confirmed.is_default());
    /// assert!(!Certainty::Unlikely.is_default());
    /// ```
    pub fn is_default(&self) -> bool {
        *self == Certainty::default()
    }
}

impl fmt::Display for Certainty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_order_by_certainty() {
        let mut all = Certainty::ALL.to_vec();
        all.sort();
        assert_eq!(
            all,
            [Certainty::Unlikely, Certainty::Likely, Certainty::Confirmed]
        );
        assert_eq!(Certainty::Unlikely.and_above().len(), 3);
        assert_eq!(Certainty::Confirmed.and_above(), [Certainty::Confirmed]);
    }

    #[test]
    fn reads_epoch_words_and_rejects_others() {
        for (word, grade) in [
            ("Confirmed", Certainty::Confirmed),
            (" likely ", Certainty::Likely),
            ("UNLIKELY", Certainty::Unlikely),
        ] {
            assert_eq!(word.parse::<Certainty>().ok(), Some(grade), "{word}");
        }
        assert!("maybe".parse::<Certainty>().is_err());
        assert!("".parse::<Certainty>().is_err());
    }
}
