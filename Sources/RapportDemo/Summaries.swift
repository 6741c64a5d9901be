import RapportCore

/// Candidate summaries, written out in full once per generator: every summary is one of a few thousand per
/// archetype, so the hot path picks a shared string instead of building (and allocating) a new one.
enum DemoSummaries {
    static let closings = [
        "Looking for a team that takes code review and mentoring seriously.",
        "Happiest close to the customer, with short feedback loops.",
        "Wants to grow into technical leadership over the next two years.",
        "Prefers small teams and clear ownership.",
        "Open to contract work with a well-defined scope.",
        "Values a sensible on-call rota and a four-day week where it is offered.",
        "Keen on organisations with a real commitment to accessibility.",
        "Enjoys untangling legacy systems without a big-bang rewrite.",
        "Interested in mission-driven work in the public sector or health.",
        "Looking for a shorter commute or a genuinely remote-first employer.",
    ]

    /// Career length in years that goes with each stage, by rank.
    static let careerYears: [ClosedRange<Int>] = [1...2, 3...6, 6...12, 9...18, 12...28]

    /// `result[rank][((career - low) * experiences + experience) * closings + closing]`, where closings are the
    /// general ones followed by "Currently learning …" for each of the archetype's growth skills.
    static func build(_ archetype: Archetype) -> [[String]] {
        let lowest = CareerStage.rank(archetype.seniorities.lowerBound)
        let highest = CareerStage.rank(archetype.seniorities.upperBound)
        let endings = closings + archetype.growth.map { "Currently learning " + $0 + "." }
        return (0..<5).map { rank in
            guard (lowest...highest).contains(rank) else { return [] }
            let opening = CareerStage.adjective[rank] + " " + archetype.noun + " with "
            var result: [String] = []
            for years in careerYears[rank] {
                let experienceText = years == 1 ? "1 year's experience " : String(years) + " years' experience "
                for experience in archetype.experience {
                    for ending in endings {
                        result.append(opening + experienceText + experience + ". " + ending)
                    }
                }
            }
            return result
        }
    }
}
