import Foundation

/// Dependency-free SVG charts for server-rendered pages: no JavaScript, no inline `style`, accessible by default.
///
/// Every chart renders deterministic markup (the same input always gives the same string), rounds coordinates to
/// 0.1 px, formats numbers without a locale, escapes every piece of text it is given, and comes with an HTML
/// table of the same data for screen readers and clients that cannot show SVG.
enum SVGChart {
    /// Text shown in place of a chart whose data has no values to draw.
    static let noDataMessage = "No data yet"
    /// Text standing in for a single missing value, in tables, tooltips and beside bars.
    static let missingValueText = "No data"

    /// A chart that renders as an accessible SVG image and as an equivalent HTML data table.
    protocol Rendering: Sendable {
        /// The chart as an `<svg role="img">` element labelled by its `<title>` and `<desc>`.
        func svg() -> String

        /// The same data as an HTML `<table>`, for screen readers and clients that cannot show SVG.
        func tableHTML() -> String
    }
}

extension SVGChart.Rendering {
    /// The chart in a `<figure>`, with its data table folded away in a `<details>` element beneath it.
    func figureHTML(dataSummaryLabel: String = "Show the data") -> String {
        var markup = SVGChart.Markup()
        markup.open("figure", ["class": "chart-figure"])
        markup.raw(svg())
        markup.open("details", ["class": "chart-data"])
        markup.element("summary", text: dataSummaryLabel)
        markup.raw(tableHTML())
        markup.close("details")
        markup.close("figure")
        return markup.output
    }
}
