import Foundation

extension SVGChart {
    /// Where a line chart's legend, axes and plot area go, and how values map to positions within them.
    struct LineChartLayout: Sendable {
        /// Space kept clear around the edges of the chart.
        static let padding = 8.0
        /// Height of the band under the plot holding the x labels.
        static let xLabelBand = 28.0
        /// Longest x label shown in full; longer ones are cut with "…".
        static let xLabelLimit = 16
        /// Radius of the dot drawn at each value.
        static let pointRadius = 3.0

        /// The series key above the plot.
        let legend: Legend
        /// The y axis ticks and domain.
        let scale: TickScale
        /// Maps values to y positions: the domain's upper end at `plotTop`, its lower end at `plotBottom`.
        let y: LinearScale
        /// The left edge of the plot area (and of the gridlines).
        let plotLeft: Double
        /// The right edge of the plot area.
        let plotRight: Double
        /// The top of the plot area.
        let plotTop: Double
        /// The bottom of the plot area, where the x axis is drawn.
        let plotBottom: Double
        /// Only every `labelStride`-th x label is printed, so that labels do not overlap.
        let labelStride: Int
        private let xLabels: [String]
        private let format: ValueFormat
        private let pointInset: Double

        /// Lays out `chart` on `canvas`.
        init(chart: LineChart, canvas: Canvas) {
            let padding = Self.padding
            xLabels = chart.xLabels
            format = chart.format
            scale = chart.yScale
            legend = Legend(
                entries: chart.series.enumerated().map { index, line in
                    Legend.Entry(name: line.name, style: Palette.style(at: index), patternID: "")
                },
                sample: .line
            )
            let legendHeight = legend.height(in: canvas.width - 2 * padding)
            let widestTick = scale.ticks.map { Canvas.textWidth(chart.format.axisLabel(for: $0, scale: chart.yScale)) }.max() ?? 0
            plotLeft = padding + widestTick + 6
            plotRight = canvas.width - padding - 4
            plotBottom = canvas.height - Self.xLabelBand
            // Leave half a text line above the top tick so its label is not clipped.
            plotTop = min(padding + legendHeight + 10, plotBottom - 20)
            y = LinearScale(domain: scale.lower...scale.upper, start: plotBottom, end: plotTop)

            let widestLabel = xLabels.map { Canvas.textWidth(SVGChart.truncated($0, limit: Self.xLabelLimit)) }.max() ?? 0
            pointInset = min(widestLabel / 2, (plotRight - plotLeft) / 4)
            let spacing = xLabels.count > 1 ? (plotRight - plotLeft - 2 * pointInset) / Double(xLabels.count - 1) : .infinity
            labelStride = max(1, Int(((widestLabel + 8) / spacing).rounded(.up)))
        }

        /// The x position of the value at `index`; a single label sits in the middle.
        func x(at index: Int) -> Double {
            guard xLabels.count > 1 else { return (plotLeft + plotRight) / 2 }
            let usable = plotRight - plotLeft - 2 * pointInset
            return plotLeft + pointInset + Double(index) * usable / Double(xLabels.count - 1)
        }

        /// The `d` attribute of a series' line: one `M … L …` run per stretch of two or more consecutive values.
        ///
        /// A gap (`nil`) ends a run; a value with gaps on both sides gets only a dot, never a path.
        func pathData(for line: Series) -> String {
            var runs: [[String]] = []
            var current: [String] = []
            for index in xLabels.indices {
                guard let value = line.value(at: index) else {
                    runs.append(current)
                    current = []
                    continue
                }
                current.append("\(NumberText.coordinate(x(at: index))) \(NumberText.coordinate(y.position(of: value)))")
            }
            runs.append(current)
            return runs.filter { $0.count > 1 }
                .map { run in "M " + run.joined(separator: " L ") }
                .joined(separator: " ")
        }

        /// Gridlines with y labels, the zero line when the domain spans zero, and the x axis with its labels.
        func writeAxes(into markup: inout Markup) {
            markup.open("g", ["class": "chart-axis chart-y-axis"])
            for tick in scale.ticks {
                let position = NumberText.coordinate(y.position(of: tick))
                markup.empty("line", [
                    "x1": NumberText.coordinate(plotLeft), "x2": NumberText.coordinate(plotRight),
                    "y1": position, "y2": position, "stroke": Palette.grid,
                ])
                markup.element("text", [
                    "x": NumberText.coordinate(plotLeft - 6), "y": NumberText.coordinate(y.position(of: tick) + 4),
                    "text-anchor": "end",
                ], text: format.axisLabel(for: tick, scale: scale))
            }
            if scale.lower < 0, scale.upper > 0 {
                let zero = NumberText.coordinate(y.position(of: 0))
                markup.empty("line", [
                    "class": "chart-zero-line",
                    "x1": NumberText.coordinate(plotLeft), "x2": NumberText.coordinate(plotRight),
                    "y1": zero, "y2": zero, "stroke": Palette.ink, "stroke-width": "1.5",
                ])
            }
            markup.close("g")

            markup.open("g", ["class": "chart-axis chart-x-axis"])
            let bottom = NumberText.coordinate(plotBottom)
            markup.empty("line", [
                "x1": NumberText.coordinate(plotLeft), "x2": NumberText.coordinate(plotRight),
                "y1": bottom, "y2": bottom, "stroke": Palette.mutedInk,
            ])
            for index in stride(from: 0, to: xLabels.count, by: labelStride) {
                let label = xLabels[index]
                let shown = SVGChart.truncated(label, limit: Self.xLabelLimit)
                let attributes: KeyValuePairs = [
                    "x": NumberText.coordinate(x(at: index)), "y": NumberText.coordinate(plotBottom + 18),
                    "text-anchor": "middle",
                ]
                if shown == label {
                    markup.element("text", attributes, text: label)
                } else {
                    markup.element("text", attributes, text: shown, tooltip: label)
                }
            }
            markup.close("g")
        }

        /// One series: its broken line, then a dot with a tooltip at every value.
        func writeSeries(_ line: Series, style: SeriesStyle, into markup: inout Markup) {
            markup.open("g", ["class": "chart-series"])
            let path = pathData(for: line)
            if !path.isEmpty {
                markup.element("path", [
                    "d": path, "fill": "none", "stroke": style.color, "stroke-width": "2",
                    "stroke-dasharray": style.dashArray, "stroke-linejoin": "round",
                ], text: "", tooltip: line.name)
            }
            for index in xLabels.indices {
                guard let value = line.value(at: index) else { continue }
                markup.element("circle", [
                    "cx": NumberText.coordinate(x(at: index)), "cy": NumberText.coordinate(y.position(of: value)),
                    "r": NumberText.coordinate(Self.pointRadius), "fill": style.color,
                    "stroke": "#ffffff", "stroke-width": "1",
                ], text: "", tooltip: "\(line.name), \(xLabels[index]): \(format.string(for: value))")
            }
            markup.close("g")
        }
    }
}
