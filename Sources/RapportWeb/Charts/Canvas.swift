import Foundation

extension SVGChart {
    /// The root `<svg>` of a chart: responsive size, accessible name and description, shared text defaults.
    struct Canvas: Sendable {
        /// The font size of ordinary chart text.
        static let fontSize = 12.0
        /// The smallest width a chart is drawn at; narrower requests are widened.
        static let minimumWidth = 200.0
        /// The smallest height a chart is drawn at.
        static let minimumHeight = 60.0

        /// The `id` of the `<svg>`; its `<title>` and `<desc>` use it as a prefix.
        let id: String
        /// The accessible name, in `<title>`.
        let title: String
        /// The plain-language summary, in `<desc>`.
        let summary: String
        /// The `viewBox` width.
        let width: Double
        /// The `viewBox` height.
        let height: Double

        /// A canvas; the id is made XML-safe and the size is kept finite and no smaller than the minimums.
        init(id: String, title: String, summary: String, width: Double, height: Double) {
            self.id = SVGChart.sanitizedID(id)
            self.title = title
            self.summary = summary
            self.width = width.isFinite ? max(width, Self.minimumWidth) : 640
            self.height = height.isFinite ? max(height, Self.minimumHeight) : 280
        }

        /// The id of the `<title>` element.
        var titleID: String { "\(id)-title" }
        /// The id of the `<desc>` element.
        var descriptionID: String { "\(id)-desc" }

        /// The complete `<svg>` element, with `body` drawing the chart inside it.
        func render(_ body: (inout Markup) -> Void) -> String {
            var markup = Markup()
            markup.open("svg", [
                "xmlns": "http://www.w3.org/2000/svg",
                "id": id,
                "class": "chart",
                "viewBox": "0 0 \(NumberText.coordinate(width)) \(NumberText.coordinate(height))",
                "width": "100%",
                "role": "img",
                "aria-labelledby": "\(titleID) \(descriptionID)",
                "font-family": "system-ui, sans-serif",
                "font-size": NumberText.coordinate(Self.fontSize),
                "fill": Palette.ink,
            ])
            markup.element("title", ["id": titleID], text: title)
            markup.element("desc", ["id": descriptionID], text: summary)
            body(&markup)
            markup.close("svg")
            return markup.output
        }

        /// A chart with nothing to draw: the accessible frame and a centred message such as "No data yet".
        func renderMessage(_ message: String) -> String {
            render { markup in
                markup.empty("rect", [
                    "x": "0.5", "y": "0.5",
                    "width": NumberText.coordinate(width - 1), "height": NumberText.coordinate(height - 1),
                    "fill": "none", "stroke": Palette.grid, "rx": "4",
                ])
                markup.element("text", [
                    "class": "chart-message",
                    "x": NumberText.coordinate(width / 2), "y": NumberText.coordinate(height / 2 + 5),
                    "text-anchor": "middle", "font-size": "14", "fill": Palette.mutedInk,
                ], text: message)
            }
        }

        /// An estimate of how wide `text` is drawn; good enough for layout without font metrics.
        static func textWidth(_ text: String, fontSize: Double = fontSize) -> Double {
            Double(text.count) * fontSize * 0.6
        }
    }
}
