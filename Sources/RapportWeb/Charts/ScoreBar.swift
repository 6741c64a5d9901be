import Foundation

extension SVGChart {
    /// A bullet bar for one 0–100 score, such as a quality score, with the value printed beside it; a missing score
    /// shows "Not enough data" on an empty track.
    struct ScoreBar: Rendering {
        /// The values the track runs between.
        static let range = 0.0...100.0
        /// What a missing score says.
        static let notEnoughDataMessage = "Not enough data"
        private static let padding = 8.0
        private static let trackTop = 14.0
        private static let trackHeight = 14.0
        private static let valueWidth = 48.0

        /// The `id` of the `<svg>`; make it unique on the page.
        let id: String
        /// The accessible name and table caption, e.g. "Quality score".
        let title: String
        /// The score, normally 0–100; `nil` (or NaN) when there is not enough data.
        let score: Double?
        /// The `viewBox` width.
        let width: Double
        /// The `viewBox` height.
        let height: Double
        private let customSummary: String?

        /// A score bar; see the properties for what each parameter means.
        ///
        /// - Parameter summary: The `<desc>` text; `nil` generates "Quality score: 72 out of 100."
        init(id: String, title: String, score: Double?, summary: String? = nil, width: Double = 320, height: Double = 60) {
            self.id = id
            self.title = title
            self.score = score.flatMap { $0.isFinite ? $0 : nil }
            self.customSummary = summary
            self.width = width
            self.height = height
        }

        /// The score as printed: at most one decimal.
        var scoreText: String? {
            score.map { NumberText.trimmed($0, maximumFractionDigits: 1) }
        }

        /// The plain-language description in `<desc>`.
        var summary: String {
            if let customSummary { return customSummary }
            guard let scoreText else { return "\(title): \(Self.notEnoughDataMessage.lowercased()) yet." }
            return "\(title): \(scoreText) out of \(NumberText.trimmed(Self.range.upperBound, maximumFractionDigits: 0))."
        }

        /// The chart as an accessible, responsive `<svg>`.
        func svg() -> String {
            let canvas = Canvas(id: id, title: title, summary: summary, width: width, height: height)
            return canvas.render { markup in
                let trackLeft = Self.padding
                let trackRight = canvas.width - Self.padding - Self.valueWidth
                let scale = LinearScale(domain: Self.range, start: trackLeft, end: trackRight)
                writeTrack(into: &markup, scale: scale, dashed: score == nil)
                if let score, let scoreText {
                    let clamped = min(max(score, Self.range.lowerBound), Self.range.upperBound)
                    markup.empty("rect", [
                        "class": "chart-score",
                        "x": NumberText.coordinate(trackLeft), "y": NumberText.coordinate(Self.trackTop),
                        "width": NumberText.coordinate(scale.position(of: clamped) - trackLeft),
                        "height": NumberText.coordinate(Self.trackHeight), "rx": "3", "fill": Palette.colors[0],
                    ])
                    markup.element("text", [
                        "class": "chart-value",
                        "x": NumberText.coordinate(canvas.width - Self.padding),
                        "y": NumberText.coordinate(Self.trackTop + Self.trackHeight), "text-anchor": "end",
                        "font-size": "20", "font-weight": "bold",
                    ], text: scoreText)
                } else {
                    markup.element("text", [
                        "class": "chart-message",
                        "x": NumberText.coordinate((trackLeft + trackRight) / 2),
                        "y": NumberText.coordinate(Self.trackTop + Self.trackHeight - 3), "text-anchor": "middle",
                        "fill": Palette.mutedInk,
                    ], text: Self.notEnoughDataMessage)
                }
            }
        }

        /// The score as a one-row HTML table.
        func tableHTML() -> String {
            let value = scoreText.map { "\($0) out of \(NumberText.trimmed(Self.range.upperBound, maximumFractionDigits: 0))" }
            let table = DataTable(
                caption: title,
                columnHeaders: ["Measure", "Score"],
                rows: [DataTable.Row(header: title, cells: [value ?? Self.notEnoughDataMessage])],
                id: SVGChart.sanitizedID(id) + "-table"
            )
            return table.html()
        }

        /// The empty track with marks and labels at 0, 25, 50, 75 and 100.
        private func writeTrack(into markup: inout Markup, scale: LinearScale, dashed: Bool) {
            markup.empty("rect", [
                "class": "chart-track",
                "x": NumberText.coordinate(scale.start), "y": NumberText.coordinate(Self.trackTop),
                "width": NumberText.coordinate(scale.end - scale.start), "height": NumberText.coordinate(Self.trackHeight),
                "rx": "3", "fill": dashed ? "none" : Palette.track,
                "stroke": dashed ? Palette.mutedInk : "", "stroke-dasharray": dashed ? "4 3" : "",
            ])
            let labelY = NumberText.coordinate(Self.trackTop + Self.trackHeight + 14)
            for mark in stride(from: Self.range.lowerBound, through: Self.range.upperBound, by: 25) {
                let position = NumberText.coordinate(scale.position(of: mark))
                markup.empty("line", [
                    "x1": position, "x2": position,
                    "y1": NumberText.coordinate(Self.trackTop + Self.trackHeight),
                    "y2": NumberText.coordinate(Self.trackTop + Self.trackHeight + 3), "stroke": Palette.mutedInk,
                ])
                markup.element("text", [
                    "x": position, "y": labelY, "text-anchor": "middle", "font-size": "10", "fill": Palette.mutedInk,
                ], text: NumberText.trimmed(mark, maximumFractionDigits: 0))
            }
        }
    }
}
