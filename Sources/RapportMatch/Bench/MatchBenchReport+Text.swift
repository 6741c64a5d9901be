/// One of the targets next to what was measured.
public struct TargetCheck: Sendable, Codable, Hashable {
    public var name: String
    public var measured: Double
    public var limit: Double
    public var unit: String
    /// Whether a higher measurement is better (a speed-up ratio, agreement) rather than lower (latency, bytes).
    public var higherIsBetter: Bool

    public var met: Bool
    /// Measured over limit: below 1 is inside the target for latencies and sizes, above 1 for ratios.
    public var ratio: Double

    public init(name: String, measured: Double, limit: Double, unit: String, higherIsBetter: Bool) {
        self.name = name
        self.measured = measured
        self.limit = limit
        self.unit = unit
        self.higherIsBetter = higherIsBetter
        met = higherIsBetter ? measured >= limit : measured <= limit
        ratio = limit == 0 ? 0 : measured / limit
    }

    enum CodingKeys: String, CodingKey {
        case name, measured, limit, unit, higherIsBetter = "higher_is_better", met, ratio
    }
}

extension MatchBenchReport {
    /// The targets (stated for one million candidates and 100,000 jobs; sizes and build times are scaled
    /// per million candidates, latencies are not).
    public var targetChecks: [TargetCheck] {
        let millions = Double(candidates) / 1e6
        var checks = [
            TargetCheck(name: "forward top-\(k) p50", measured: forward.p50Milliseconds, limit: 1, unit: "ms", higherIsBetter: false),
            TargetCheck(name: "forward top-\(k) p99", measured: forward.p99Milliseconds, limit: 3, unit: "ms", higherIsBetter: false),
            TargetCheck(
                name: "forward with eligibility filter p50", measured: forwardFiltered.p50Milliseconds, limit: 1.5, unit: "ms",
                higherIsBetter: false),
            TargetCheck(name: "reverse top-\(k) p50", measured: reverse.p50Milliseconds, limit: 0.2, unit: "ms", higherIsBetter: false),
            TargetCheck(
                name: "forward index memory per million candidates", measured: Double(forwardIndex.bytes) / 1e6 / millions, limit: 100,
                unit: "MB", higherIsBetter: false),
            TargetCheck(
                name: "forward index build per million candidates", measured: forwardIndex.buildSeconds / millions, limit: 2, unit: "s",
                higherIsBetter: false),
        ]
        if let baseline {
            checks.append(TargetCheck(name: "speed-up over SQLite (p50)", measured: baseline.ratio, limit: 90, unit: "×", higherIsBetter: true))
            checks.append(
                TargetCheck(name: "top-\(k) agreement with SQLite", measured: baseline.agreement * 100, limit: 100, unit: "%", higherIsBetter: true))
        }
        return checks
    }

    /// The report for people: the workload, each figure, and each target with how far inside or outside it is.
    public var text: String {
        var lines: [String] = []
        let million = 1e6
        lines.append("Matching benchmark: \(candidates) candidates, \(jobs) jobs, \(queries) queries, seed \(seed), top \(k), one core")
        lines.append("")
        lines.append("Population")
        lines.append("  skills \(population.skills); candidate skills \(population.candidateSkillRows) "
            + "(mean \(fixed(population.meanSkillsPerCandidate, 2)) per candidate); job skills \(population.jobSkillRows)")
        lines.append("  most common skill on \(fixed(population.topSkillShare * 100, 1))% of profiles, "
            + "median skill on \(fixed(population.medianSkillShare * 100, 2))%; generated in \(fixed(population.generationSeconds, 2)) s")
        lines.append("")
        lines.append("Indexes (built from rows in memory)")
        lines.append("  forward: \(forwardIndex.postings) postings, \(fixed(Double(forwardIndex.bytes) / million, 1)) MB, "
            + "built in \(fixed(forwardIndex.buildSeconds, 3)) s")
        lines.append("  reverse: \(reverseIndex.postings) postings, \(fixed(Double(reverseIndex.bytes) / million, 1)) MB, "
            + "built in \(fixed(reverseIndex.buildSeconds, 3)) s")
        lines.append("")
        lines.append("Queries (ms)                        p50      p99      max     mean")
        lines.append(row("forward top-\(k) of all candidates", forward))
        lines.append(row("forward, eligibility filter", forwardFiltered))
        lines.append(row("reverse top-\(k) of all jobs", reverse))
        lines.append("  postings touched per forward query: median \(forwardPostingsTouched.median), "
            + "p99 \(forwardPostingsTouched.p99), mean \(fixed(forwardPostingsTouched.mean, 0))")
        lines.append("  postings touched per reverse query: median \(reversePostingsTouched.median), p99 \(reversePostingsTouched.p99)")
        lines.append("  the filter accepted \(fixed(filterPassRate * 100, 1))% of the candidates offered to it")
        if let baseline {
            lines.append("")
            lines.append("SQLite (in-memory covering index, GROUP BY … SUM … ORDER BY … LIMIT \(k)) "
                + "on \(baseline.queries) of the forward queries")
            lines.append("  loaded in \(fixed(baseline.loadSeconds, 1)) s; p50 \(fixed(baseline.latency.p50Milliseconds, 2)) ms, "
                + "p99 \(fixed(baseline.latency.p99Milliseconds, 2)) ms; index p50 on the same queries "
                + "\(fixed(baseline.indexLatency.p50Milliseconds, 3)) ms")
            lines.append("  top-\(k) agreement \(fixed(baseline.agreement * 100, 1))%; index is \(fixed(baseline.ratio, 0))× faster")
        }
        lines.append("")
        lines.append("Targets (stated for 1,000,000 candidates and 100,000 jobs)")
        for check in targetChecks {
            let verdict = check.met ? "met" : "MISSED"
            let measured = fixed(check.measured, check.measured < 10 ? 3 : 1)
            let comparison = check.higherIsBetter ? "≥" : "≤"
            let share = check.higherIsBetter
                ? "\(fixed(check.ratio, 2))× the target"
                : "\(fixed(check.ratio * 100, 0))% of the limit"
            let unit = check.unit == "%" || check.unit == "×" ? check.unit : " " + check.unit
            lines.append("  \(padded(verdict, 6)) \(check.name): \(measured)\(unit) (target \(comparison) \(fixed(check.limit, 1))\(unit); \(share))")
        }
        return lines.joined(separator: "\n")
    }

    private func row(_ name: String, _ latency: LatencyFigures) -> String {
        "  " + padded(name, 32) + [latency.p50Milliseconds, latency.p99Milliseconds, latency.maxMilliseconds, latency.meanMilliseconds]
            .map { leftPadded(fixed($0, 3), 9) }.joined()
    }
}

/// `value` with exactly `digits` decimals (no Foundation formatting in the library).
private func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return String(value) }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e18 else { return String(value) }
    let units = Int64(scaled)
    let whole = units / Int64(scale)
    let fraction = units % Int64(scale)
    var text = (value < 0 && units != 0 ? "-" : "") + String(whole)
    if digits > 0 {
        let decimals = String(fraction)
        text += "." + String(repeating: "0", count: digits - decimals.count) + decimals
    }
    return text
}

private func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

private func leftPadded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
}
