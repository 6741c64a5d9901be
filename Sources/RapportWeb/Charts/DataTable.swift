import Foundation

extension SVGChart {
    /// The HTML `<table>` that carries a chart's data for screen readers and clients that cannot show SVG.
    struct DataTable: Sendable {
        /// One table row: a header cell naming it, then its values.
        struct Row: Sendable {
            /// The row's header, e.g. a month or a skill.
            let header: String
            /// The formatted values, one per value column.
            let cells: [String]
        }

        /// The table's `<caption>`, normally the chart title.
        let caption: String
        /// Column headings, starting with the heading of the row-header column.
        let columnHeaders: [String]
        /// The rows, in chart order.
        let rows: [Row]
        /// The `id` of the table, e.g. "pay-trend-table".
        let id: String

        /// The escaped HTML; a table with no rows says "No data yet" in a single cell.
        func html() -> String {
            var markup = Markup()
            markup.open("table", ["class": "chart-table", "id": id])
            markup.element("caption", text: caption)
            markup.open("thead")
            markup.open("tr")
            for header in columnHeaders {
                markup.element("th", ["scope": "col"], text: header)
            }
            markup.close("tr")
            markup.close("thead")
            markup.open("tbody")
            if rows.isEmpty {
                markup.open("tr")
                markup.element("td", ["colspan": String(max(columnHeaders.count, 1))], text: SVGChart.noDataMessage)
                markup.close("tr")
            }
            for row in rows {
                markup.open("tr")
                markup.element("th", ["scope": "row"], text: row.header)
                for cell in row.cells {
                    markup.element("td", text: cell)
                }
                markup.close("tr")
            }
            markup.close("tbody")
            markup.close("table")
            return markup.output
        }
    }
}
