import Foundation

extension SVGChart {
    /// Horizontal grouped bars: each category (e.g. a skill) gets one bar per named series (e.g. "Open jobs" and
    /// "Available people"), each labelled with its value at the end.
    struct BarChart: Rendering {
        /// One group of bars: a category label and a value per series.
        struct Category: Sendable, Equatable {
            /// The category's name; long names are cut with "…" on the chart and shown in full in a tooltip.
            let label: String
            /// One value per series name; missing or non-finite values are shown as "No data".
            let values: [Double?]

            /// A category; values that are NaN or infinite are treated as missing.
            init(label: String, values: [Double?]) {
                self.label = label
                self.values = values.map { value in value.flatMap { $0.isFinite ? $0 : nil } }
            }

            /// The value for the series at `index`, or `nil` when it is missing.
            func value(at index: Int) -> Double? {
                values.indices.contains(index) ? values[index] : nil
            }
        }

        /// The `id` of the `<svg>`; make it unique on the page.
        let id: String
        /// The accessible name and table caption.
        let title: String
        /// The series, i.e. the bars in each group, in drawing order from top to bottom.
        let seriesNames: [String]
        /// The groups of bars, from top to bottom.
        let categories: [Category]
        /// How values appear beside bars, on the axis, in the description and in the table.
        let format: ValueFormat
        /// What a category is, e.g. "Skill"; heads the table's first column.
        let categoryTitle: String
        /// The `viewBox` width; the height follows from the number of categories and series.
        let width: Double
        private let customSummary: String?

        /// A bar chart; see the properties for what each parameter means.
        ///
        /// - Parameter summary: The `<desc>` text; `nil` generates one listing every category's values.
        init(
            id: String,
            title: String,
            seriesNames: [String],
            categories: [Category],
            format: ValueFormat = .number,
            categoryTitle: String = "Category",
            summary: String? = nil,
            width: Double = 640
        ) {
            self.id = id
            self.title = title
            self.seriesNames = seriesNames
            self.categories = categories
            self.format = format
            self.categoryTitle = categoryTitle
            self.customSummary = summary
            self.width = width
        }

        /// Whether any bar has a value.
        var hasData: Bool {
            categories.contains { category in seriesNames.indices.contains { category.value(at: $0) != nil } }
        }

        /// The plain-language description in `<desc>`, e.g.
        /// "Open jobs and Available people by skill. Kotlin: Open jobs 12, Available people 4."
        var summary: String {
            if let customSummary { return customSummary }
            guard hasData else { return SVGChart.noDataMessage + "." }
            let heading = "\(Self.list(seriesNames)) by \(categoryTitle.lowercased())."
            let details = categories.map { category in
                let values = seriesNames.indices.map { index in
                    "\(seriesNames[index]) \(category.value(at: index).map(format.string(for:)) ?? SVGChart.missingValueText.lowercased())"
                }
                return "\(category.label): \(values.joined(separator: ", "))."
            }
            return ([heading] + details).joined(separator: " ")
        }

        /// The value axis: nice ticks from zero to the largest value (or from the smallest, if negative); whole-number
        /// steps when every value is whole, as counts of jobs and people are.
        var xScale: TickScale {
            let values = categories.flatMap { category in seriesNames.indices.compactMap(category.value(at:)) }
            let wholeNumbers = !format.needsFractionalTicks && values.allSatisfy { $0 == $0.rounded() }
            return TickScale(covering: values, includingZero: true, wholeNumbersOnly: wholeNumbers)
        }

        /// The `viewBox` height this chart needs.
        var height: Double {
            hasData ? layout.height : 160
        }

        /// Where the labels, bars and axis sit inside the `viewBox`.
        var layout: BarChartLayout {
            BarChartLayout(chart: self, canvasID: SVGChart.sanitizedID(id))
        }

        /// The chart as an accessible, responsive `<svg>`.
        func svg() -> String {
            guard hasData else { return canvas.renderMessage(SVGChart.noDataMessage) }
            let layout = self.layout
            return canvas.render { markup in
                layout.write(into: &markup)
            }
        }

        /// The same data as an HTML table: a row per category, a column per series.
        func tableHTML() -> String {
            let rows = hasData
                ? categories.map { category in
                    DataTable.Row(
                        header: category.label,
                        cells: seriesNames.indices.map { index in
                            category.value(at: index).map(format.string(for:)) ?? SVGChart.missingValueText
                        }
                    )
                }
                : []
            let table = DataTable(
                caption: title,
                columnHeaders: [categoryTitle] + seriesNames,
                rows: rows,
                id: canvas.id + "-table"
            )
            return table.html()
        }

        private var canvas: Canvas {
            Canvas(id: id, title: title, summary: summary, width: width, height: height)
        }

        /// "A", "A and B", "A, B and C".
        private static func list(_ names: [String]) -> String {
            guard let last = names.last, names.count > 1 else { return names.first ?? "" }
            return names.dropLast().joined(separator: ", ") + " and " + last
        }
    }
}
