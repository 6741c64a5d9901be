import Foundation
import Testing

@testable import RapportWeb

// Shared fixtures: six months of pay data with one gap, as the pay-trend page would pass them.
private let months = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]
private let hostile = "<script>alert(1)</script>"

private func payTrend(id: String = "pay-trend") -> SVGChart.LineChart {
    SVGChart.LineChart(
        id: id,
        title: "Median day rate",
        xLabels: months,
        series: [
            SVGChart.Series(name: "Kotlin in UK", values: [600, 610, nil, 630, 640, 650]),
            SVGChart.Series(name: "Swift in UK", values: [620, 615, 600, 590, nil, 580]),
        ],
        format: .currency(code: "GBP")
    )
}

private func npsTrend() -> SVGChart.LineChart {
    SVGChart.LineChart(
        id: "nps",
        title: "NPS per month",
        xLabels: months,
        series: [SVGChart.Series(name: "NPS", values: [-20, 10, 35, nil, 42, 50])],
        yDomain: -100...100
    )
}

private func demandAndSupply(categories: [SVGChart.BarChart.Category]? = nil) -> SVGChart.BarChart {
    SVGChart.BarChart(
        id: "demand",
        title: "Demand and supply by skill",
        seriesNames: ["Open jobs", "Available people"],
        categories: categories ?? [
            .init(label: "Kotlin", values: [12, 4]),
            .init(label: "Enterprise Resource Planning Consultants", values: [3, nil]),
            .init(label: "Swift", values: [7, 9]),
        ],
        categoryTitle: "Skill"
    )
}

/// How often `needle` occurs in `haystack`.
private func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.ranges(of: needle).count
}

/// The WCAG contrast ratio of a `#rrggbb` colour against white.
private func contrastOnWhite(_ hex: String) -> Double {
    let digits = Array(hex.dropFirst())
    let channels = stride(from: 0, to: 6, by: 2).map { offset -> Double in
        let value = Double(Int(String(digits[offset...offset + 1]), radix: 16) ?? 0) / 255
        return value <= 0.03928 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
    let luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return 1.05 / (luminance + 0.05)
}

@Suite("Nice axis ticks")
struct ChartTickTests {
    @Test(
        "ticks are 1, 2, 2.5 or 5 × 10ⁿ and cover the data",
        arguments: [
            (0.0, 10.0, [0.0, 2, 4, 6, 8, 10]),
            (600, 650, [600, 610, 620, 630, 640, 650]),
            (0, 12, [0, 2.5, 5, 7.5, 10, 12.5]),
            (-37, 82, [-50, 0, 50, 100]),
            (0.12, 0.87, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (3, 97, [0, 20, 40, 60, 80, 100]),
            (-0.4, -0.05, [-0.4, -0.3, -0.2, -0.1, 0]),
        ]
    )
    func handPickedRanges(lower: Double, upper: Double, expected: [Double]) {
        // MUT
        let scale = SVGChart.TickScale(covering: [lower, upper])
        // validate
        #expect(scale.ticks == expected)
        #expect(scale.lower == expected.first)
        #expect(scale.upper == expected.last)
    }

    @Test("every range gets four to six nice ticks, covering the data and including zero when it is spanned")
    func propertiesHoldAcrossManyRanges() {
        let starts: [Double] = [-1234, -100, -37.5, -1, -0.003, 0, 0.001, 0.7, 3, 42, 599, 10_000]
        let spans: [Double] = [0.0001, 0.013, 0.9, 1, 7, 12, 33, 101, 250, 999, 4321, 1e6]
        for start in starts {
            for span in spans {
                let scale = SVGChart.TickScale(covering: [start, start + span])
                #expect((4...6).contains(scale.ticks.count), "\(start)…\(start + span): \(scale.ticks)")
                #expect(scale.lower <= start && scale.upper >= start + span, "\(start)…\(start + span)")
                if start < 0, start + span > 0 {
                    #expect(scale.ticks.contains(0), "\(start)…\(start + span): \(scale.ticks)")
                }
                let mantissa = scale.step / pow(10, log10(scale.step).rounded(.down))
                #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-9 }, "step \(scale.step)")
            }
        }
    }

    @Test("a fixed domain is kept, with nice ticks inside it")
    func fixedDomain() {
        #expect(SVGChart.TickScale(covering: [-20, 35], fixedDomain: -100...100).ticks == [-100, -50, 0, 50, 100])
        let share = SVGChart.TickScale(covering: [0.42, 0.9], fixedDomain: 0...1)
        #expect(share.lower == 0 && share.upper == 1)
        #expect(share.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test("a fixed domain widens rather than clipping a value outside it")
    func fixedDomainWidens() {
        let scale = SVGChart.TickScale(covering: [0.5, 1.2], fixedDomain: 0...1)
        #expect(scale.lower == 0)
        #expect(scale.upper == 1.2)
    }

    @Test("bars include zero even when every value is far from it")
    func includingZero() {
        let scale = SVGChart.TickScale(covering: [40, 45], includingZero: true)
        #expect(scale.ticks == [0, 10, 20, 30, 40, 50])
    }

    @Test("counts get whole-number steps, even if that means fewer ticks")
    func wholeNumbers() {
        #expect(SVGChart.TickScale(covering: [0, 12], wholeNumbersOnly: true).ticks == [0, 5, 10, 15])
        #expect(SVGChart.TickScale(covering: [0, 2], wholeNumbersOnly: true).ticks == [0, 1, 2])
        #expect(SVGChart.TickScale(covering: [0.9, 1.1], wholeNumbersOnly: true).ticks == [0, 1, 2])
    }

    @Test("all-equal values get a domain around them; all zeros get 0…1; no values get 0…1")
    func degenerateRanges() {
        let flat = SVGChart.TickScale(covering: [650, 650, 650])
        #expect(flat.lower < 650 && flat.upper > 650)
        #expect((4...6).contains(flat.ticks.count))
        #expect(SVGChart.TickScale(covering: [0, 0]).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(SVGChart.TickScale(covering: []).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(SVGChart.TickScale(covering: [.nan, .infinity]).ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
    }

    @Test("huge values are clamped instead of crashing")
    func hugeValues() {
        let scale = SVGChart.TickScale(covering: [-.greatestFiniteMagnitude, .greatestFiniteMagnitude])
        #expect((4...6).contains(scale.ticks.count))
    }
}

@Suite("Locale-free number text")
struct ChartFormattingTests {
    @Test("percentages show fractions as per cent, with one decimal at most")
    func percent() {
        let format = SVGChart.ValueFormat.percent
        #expect(format.string(for: 0.873) == "87.3%")
        #expect(format.string(for: 0.5) == "50%")
        #expect(format.string(for: 1) == "100%")
        let scale = SVGChart.TickScale(covering: [0.3, 0.9], fixedDomain: 0...1)
        #expect(scale.ticks.map { format.axisLabel(for: $0, scale: scale) } == ["0%", "20%", "40%", "60%", "80%", "100%"])
    }

    @Test("currency puts the code first and shows pence only when there are any")
    func currency() {
        let format = SVGChart.ValueFormat.currency(code: "GBP")
        #expect(format.string(for: 650) == "GBP 650")
        #expect(format.string(for: 1250.5) == "GBP 1,250.50")
        #expect(format.string(for: -20) == "GBP -20")
        let scale = SVGChart.TickScale(covering: [600, 650])
        #expect(format.axisLabel(for: 650, scale: scale) == "GBP 650")
    }

    @Test("plain numbers group thousands with commas and use a point for decimals")
    func number() {
        let format = SVGChart.ValueFormat.number
        #expect(format.string(for: 1_234_567) == "1,234,567")
        #expect(format.string(for: 42.5) == "42.5")
        #expect(format.string(for: 3.14159) == "3.14")
        #expect(format.string(for: -0.0001) == "0")
        let quarterSteps = SVGChart.TickScale(covering: [0, 12])
        #expect(quarterSteps.ticks.map { format.axisLabel(for: $0, scale: quarterSteps) }
            == ["0.0", "2.5", "5.0", "7.5", "10.0", "12.5"])
    }

    @Test("a custom formatter is used for values and ticks alike")
    func custom() {
        let format = SVGChart.ValueFormat.custom { "\(Int($0)) h" }
        #expect(format.string(for: 36) == "36 h")
        #expect(format.axisLabel(for: 48, scale: SVGChart.TickScale(covering: [0, 50])) == "48 h")
    }

    @Test("coordinates are rounded to 0.1 px with no trailing zeros")
    func coordinates() {
        #expect(SVGChart.NumberText.coordinate(12.345) == "12.3")
        #expect(SVGChart.NumberText.coordinate(12.96) == "13")
        #expect(SVGChart.NumberText.coordinate(-0.04) == "0")
        #expect(SVGChart.NumberText.coordinate(-7.25) == "-7.3")
        #expect(SVGChart.NumberText.coordinate(1234.5) == "1234.5")
        #expect(SVGChart.NumberText.coordinate(.nan) == "0")
    }
}

@Suite("Line charts")
struct LineChartTests {
    @Test("a value maps to the y coordinate worked out by hand")
    func valueToCoordinate() {
        // setup: 280 high; plot from 8 + 20 (one legend row) + 10 = 38 down to 280 - 28 = 252.
        let chart = npsTrend()
        // MUT
        let layout = chart.layout
        // validate
        #expect(layout.plotTop == 38)
        #expect(layout.plotBottom == 252)
        #expect(layout.y.position(of: 100) == 38)
        #expect(layout.y.position(of: -100) == 252)
        #expect(layout.y.position(of: 50) == 91.5)
        #expect(chart.svg().contains("cy=\"91.5\""))
    }

    @Test("a linear scale maps the domain onto its pixel range")
    func linearScale() {
        let scale = SVGChart.LinearScale(domain: 0...200, start: 250, end: 50)
        #expect(scale.position(of: 0) == 250)
        #expect(scale.position(of: 50) == 200)
        #expect(scale.position(of: 200) == 50)
    }

    @Test("a nil value breaks the line into two M segments and gets no dot")
    func gaps() {
        let chart = payTrend()
        let kotlin = chart.series[0]
        // MUT
        let path = chart.layout.pathData(for: kotlin)
        // validate
        #expect(occurrences(of: "M ", in: path) == 2)
        #expect(occurrences(of: " L ", in: path) == 3)
        #expect(occurrences(of: "<circle", in: chart.svg()) == 10)
    }

    @Test("a value with gaps on both sides is a dot, not a path")
    func isolatedValues() {
        let chart = SVGChart.LineChart(
            id: "sparse", title: "Sparse", xLabels: ["a", "b", "c", "d", "e"],
            series: [SVGChart.Series(name: "S", values: [1, nil, 2, nil, 3])]
        )
        let svg = chart.svg()
        #expect(chart.layout.pathData(for: chart.series[0]).isEmpty)
        #expect(!svg.contains("<path"))
        #expect(occurrences(of: "<circle", in: svg) == 3)
    }

    @Test("NPS on a fixed −100…100 domain draws a zero line through the middle of the plot")
    func negativeDomainZeroLine() {
        let svg = npsTrend().svg()
        #expect(svg.contains("class=\"chart-zero-line\""))
        #expect(svg.contains("y1=\"145\" y2=\"145\""))
        #expect(svg.contains(">-100</text>"))
        #expect(svg.contains(">-50</text>"))
        #expect(svg.contains(">100</text>"))
    }

    @Test("an all-positive trend has no zero line")
    func noZeroLineAboveZero() {
        #expect(!payTrend().svg().contains("chart-zero-line"))
    }

    @Test("the description says how each series moved, in the chart's format")
    func summary() {
        let summary = payTrend().summary
        #expect(summary.contains("Kotlin in UK rose from GBP 600 to GBP 650 between 2026-06 and 2026-11."))
        #expect(summary.contains("Swift in UK fell from GBP 620 to GBP 580 between 2026-06 and 2026-11."))
        #expect(payTrend().svg().contains("<desc id=\"pay-trend-desc\">\(summary)</desc>"))
    }

    @Test("a caller's description replaces the generated one")
    func customSummary() {
        let chart = SVGChart.LineChart(
            id: "c", title: "T", xLabels: ["a", "b"], series: [SVGChart.Series(name: "S", values: [1, 2])],
            summary: "Median pay for Kotlin in UK rose a little."
        )
        #expect(chart.svg().contains("<desc id=\"c-desc\">Median pay for Kotlin in UK rose a little.</desc>"))
    }

    @Test("the share answered within SLA is shown as percentages")
    func percentAxis() {
        let chart = SVGChart.LineChart(
            id: "sla", title: "Answered within SLA", xLabels: months,
            series: [SVGChart.Series(name: "Within SLA", values: [0.8, 0.85, 0.9, 0.875, 0.92, 0.95])],
            format: .percent, yDomain: 0...1
        )
        let svg = chart.svg()
        #expect(svg.contains(">0%</text>"))
        #expect(svg.contains(">100%</text>"))
        #expect(svg.contains("Within SLA, 2026-09: 87.5%"))
    }

    @Test("no series, no labels or only gaps give an accessible “No data yet” chart")
    func empty() {
        let charts = [
            SVGChart.LineChart(id: "e1", title: "Empty", xLabels: months, series: []),
            SVGChart.LineChart(id: "e2", title: "Empty", xLabels: [], series: [SVGChart.Series(name: "S", values: [1])]),
            SVGChart.LineChart(id: "e3", title: "Empty", xLabels: months, series: [SVGChart.Series(name: "S", values: [nil, .nan])]),
        ]
        for chart in charts {
            let svg = chart.svg()
            #expect(svg.contains(">No data yet</text>"))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("<title id=\"\(chart.id)-title\">Empty</title>"))
            #expect(svg.contains("<desc id=\"\(chart.id)-desc\">No data yet.</desc>"))
            #expect(!svg.contains("<circle"))
            #expect(chart.tableHTML().contains(">No data yet</td>"))
        }
    }

    @Test("a single value is drawn as one dot in the middle")
    func singlePoint() {
        let chart = SVGChart.LineChart(
            id: "one", title: "One", xLabels: ["2026-06"], series: [SVGChart.Series(name: "NPS", values: [42])]
        )
        let svg = chart.svg()
        let layout = chart.layout
        #expect(occurrences(of: "<circle", in: svg) == 1)
        #expect(!svg.contains("<path"))
        #expect(svg.contains("cx=\"\(SVGChart.NumberText.coordinate((layout.plotLeft + layout.plotRight) / 2))\""))
        #expect(chart.summary == "NPS was 42 in 2026-06.")
    }

    @Test("all-equal values sit inside the plot, not on its edge")
    func flatSeries() {
        let chart = SVGChart.LineChart(
            id: "flat", title: "Flat", xLabels: months, series: [SVGChart.Series(name: "S", values: Array(repeating: 650, count: 6))]
        )
        let layout = chart.layout
        let y = layout.y.position(of: 650)
        #expect(y > layout.plotTop && y < layout.plotBottom)
        #expect(chart.summary == "S was 650 in both 2026-06 and 2026-11.")
    }

    @Test("nonsense sizes are replaced by sensible ones instead of breaking the layout")
    func oddSizes() {
        for (width, height) in [(0.0, -5.0), (.nan, .infinity), (10, 10)] {
            let chart = SVGChart.LineChart(
                id: "odd", title: "Odd", xLabels: months, series: payTrend().series, width: width, height: height
            )
            let layout = chart.layout
            #expect(layout.plotLeft < layout.plotRight)
            #expect(layout.plotTop < layout.plotBottom)
            #expect(!chart.svg().contains("nan"))
        }
    }

    @Test("the table fallback has a row per month, a column per series, and says where values are missing")
    func table() {
        let html = payTrend().tableHTML()
        #expect(html.hasPrefix("<table class=\"chart-table\" id=\"pay-trend-table\">"))
        #expect(html.contains("<caption>Median day rate</caption>"))
        #expect(html.contains("<th scope=\"col\">Period</th>\n<th scope=\"col\">Kotlin in UK</th>\n<th scope=\"col\">Swift in UK</th>"))
        #expect(occurrences(of: "<th scope=\"row\">", in: html) == 6)
        #expect(html.contains("<th scope=\"row\">2026-08</th>\n<td>No data</td>\n<td>GBP 600</td>"))
    }

    @Test("the legend names every series beside its own dash pattern")
    func legend() {
        let svg = payTrend().svg()
        #expect(svg.contains("class=\"chart-legend\""))
        #expect(svg.contains(">Kotlin in UK</text>"))
        #expect(svg.contains("stroke=\"\(SVGChart.Palette.colors[1])\" stroke-width=\"2\" stroke-dasharray=\"8 4\""))
    }

    @Test("crowded x labels are thinned so they do not overlap")
    func crowdedLabels() {
        let labels = (1...24).map { "2025-\($0 < 10 ? "0" : "")\($0)" }
        let chart = SVGChart.LineChart(
            id: "long", title: "Long", xLabels: labels,
            series: [SVGChart.Series(name: "S", values: labels.indices.map(Double.init))]
        )
        #expect(chart.layout.labelStride > 1)
        #expect(!chart.svg().contains(">2025-02</text>"))
    }
}

@Suite("Bar charts")
struct BarChartTests {
    @Test("each value gets a bar labelled with its value at the end")
    func barsAndLabels() {
        let svg = demandAndSupply().svg()
        #expect(occurrences(of: "class=\"chart-bar\"", in: svg) == 5)
        #expect(svg.contains(">12</text>"))
        #expect(svg.contains(">9</text>"))
        #expect(svg.contains(">No data</text>"))
    }

    @Test("bars start at the zero line and their length follows the value")
    func barGeometry() {
        let chart = demandAndSupply()
        let layout = chart.layout
        let zero = layout.x.position(of: 0)
        let width = layout.x.position(of: 12) - zero
        let top = layout.barTop(category: 0, series: 0)
        let coordinate = SVGChart.NumberText.coordinate
        #expect(chart.svg().contains(
            "x=\"\(coordinate(zero))\" y=\"\(coordinate(top))\" width=\"\(coordinate(width))\" height=\"14\""
        ))
        #expect(chart.xScale.ticks == [0, 5, 10, 15])
    }

    @Test("long category labels are cut with an ellipsis and kept whole in a tooltip")
    func truncation() {
        let svg = demandAndSupply().svg()
        #expect(svg.contains("<title>Enterprise Resource Planning Consultants</title>Enterprise Resource…</text>"))
        #expect(svg.contains(">Kotlin</text>"))
    }

    @Test("the second series is striped as well as coloured, so colour is not the only cue")
    func patterns() {
        let svg = demandAndSupply().svg()
        #expect(svg.contains("<pattern id=\"demand-fill-1\""))
        #expect(svg.contains("fill=\"url(#demand-fill-1)\""))
        #expect(svg.contains("fill=\"\(SVGChart.Palette.colors[0])\" stroke=\"\(SVGChart.Palette.colors[0])\""))
    }

    @Test("negative values grow left from the zero line")
    func negativeBars() {
        let chart = demandAndSupply(categories: [.init(label: "Change", values: [-3, 5])])
        let layout = chart.layout
        #expect(chart.xScale.lower < 0)
        #expect(layout.x.position(of: -3) < layout.x.position(of: 0))
        #expect(chart.svg().contains("text-anchor=\"end\" font-size=\"11\">-3</text>"))
    }

    @Test("the description lists each category's values")
    func summary() {
        let summary = demandAndSupply().summary
        #expect(summary.hasPrefix("Open jobs and Available people by skill. Kotlin: Open jobs 12, Available people 4."))
        #expect(summary.contains("Available people no data."))
    }

    @Test("no categories or only missing values give an accessible “No data yet” chart")
    func empty() {
        for chart in [demandAndSupply(categories: []), demandAndSupply(categories: [.init(label: "Kotlin", values: [nil])])] {
            let svg = chart.svg()
            #expect(svg.contains(">No data yet</text>"))
            #expect(svg.contains("aria-labelledby=\"demand-title demand-desc\""))
            #expect(!svg.contains("chart-bar"))
        }
    }

    @Test("the table fallback has a row per category with its full label")
    func table() {
        let html = demandAndSupply().tableHTML()
        #expect(html.contains("<th scope=\"col\">Skill</th>\n<th scope=\"col\">Open jobs</th>"))
        #expect(html.contains("<th scope=\"row\">Enterprise Resource Planning Consultants</th>\n<td>3</td>\n<td>No data</td>"))
    }
}

@Suite("Score bar")
struct ScoreBarTests {
    @Test("a score fills its share of the track and is printed")
    func score() {
        // setup: track from 8 to 320 - 8 - 48 = 264, so 72 fills 0.72 × 256 = 184.32.
        let chart = SVGChart.ScoreBar(id: "quality", title: "Quality score", score: 72)
        // MUT
        let svg = chart.svg()
        // validate
        #expect(svg.contains("class=\"chart-score\" x=\"8\" y=\"14\" width=\"184.3\""))
        #expect(svg.contains(">72</text>"))
        #expect(svg.contains("<desc id=\"quality-desc\">Quality score: 72 out of 100.</desc>"))
        #expect(chart.tableHTML().contains("<td>72 out of 100</td>"))
    }

    @Test("a score beyond 100 fills the track but is printed as it is")
    func clamped() {
        let svg = SVGChart.ScoreBar(id: "q", title: "Quality score", score: 130).svg()
        #expect(svg.contains("width=\"256\""))
        #expect(svg.contains(">130</text>"))
    }

    @Test("without a score the bar says there is not enough data")
    func notEnoughData() {
        for score in [nil, Double.nan] {
            let chart = SVGChart.ScoreBar(id: "quality", title: "Quality score", score: score)
            let svg = chart.svg()
            #expect(svg.contains(">Not enough data</text>"))
            #expect(!svg.contains("chart-score"))
            #expect(svg.contains("Quality score: not enough data yet."))
            #expect(chart.tableHTML().contains("<td>Not enough data</td>"))
        }
    }
}

@Suite("Markup safety and accessibility")
struct ChartMarkupTests {
    @Test("XML escaping covers &, <, >, \" and ' and drops forbidden control characters")
    func escaping() {
        #expect(SVGChart.escaped("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(SVGChart.escaped("bell\u{7}tab\tend") == "belltab\tend")
    }

    @Test("a script in any label never reaches the output unescaped")
    func hostileLabels() {
        let line = SVGChart.LineChart(
            id: hostile, title: hostile, xLabels: [hostile, "b"],
            series: [SVGChart.Series(name: hostile, values: [1, 2])], xTitle: hostile
        )
        let bars = SVGChart.BarChart(
            id: hostile, title: hostile, seriesNames: [hostile, "b"],
            categories: [.init(label: hostile, values: [1, 2])], categoryTitle: hostile
        )
        let score = SVGChart.ScoreBar(id: hostile, title: hostile, score: nil)
        let outputs = [line.svg(), line.tableHTML(), line.figureHTML(), bars.svg(), bars.tableHTML(), score.svg(), score.tableHTML()]
        for output in outputs {
            #expect(!output.contains("<script"))
            #expect(output.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        }
    }

    @Test("chart ids are made into safe XML ids")
    func ids() {
        #expect(SVGChart.sanitizedID("pay trend #1") == "pay-trend--1")
        #expect(SVGChart.sanitizedID("1st") == "chart-1st")
        #expect(SVGChart.sanitizedID("") == "chart-")
        #expect(SVGChart.sanitizedID("nps_2026") == "nps_2026")
    }

    @Test("the svg is a labelled, described, responsive image with no inline styles")
    func accessibleAndResponsive() throws {
        let commaInGeometry = try Regex(#" (x|y|x1|x2|y1|y2|cx|cy|width|height|r|d|viewBox)="[^"]*,"#)
        for svg in [payTrend().svg(), demandAndSupply().svg(), SVGChart.ScoreBar(id: "q", title: "Q", score: 50).svg()] {
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.contains("role=\"img\""))
            #expect(svg.contains("width=\"100%\""))
            #expect(svg.contains("viewBox=\"0 0 "))
            #expect(!svg.contains("style="))
            #expect(!svg.contains(commaInGeometry), "no locale-style decimal commas in coordinates")
        }
        let svg = payTrend().svg()
        #expect(svg.contains("viewBox=\"0 0 640 280\""))
        #expect(svg.contains("aria-labelledby=\"pay-trend-title pay-trend-desc\""))
        #expect(svg.contains("<title id=\"pay-trend-title\">Median day rate</title>"))
    }

    @Test("two charts on one page get different element ids")
    func uniqueIDs() {
        let first = payTrend(id: "kotlin").svg()
        let second = payTrend(id: "swift").svg()
        #expect(first.contains("id=\"kotlin-title\"") && !first.contains("id=\"swift-title\""))
        #expect(second.contains("id=\"swift-title\"") && !second.contains("id=\"kotlin-title\""))
    }

    @Test("the same input renders the same string")
    func determinism() {
        #expect(payTrend().svg() == payTrend().svg())
        #expect(npsTrend().svg() == npsTrend().svg())
        #expect(demandAndSupply().svg() == demandAndSupply().svg())
        #expect(demandAndSupply().tableHTML() == demandAndSupply().tableHTML())
        let chart = payTrend()
        #expect(chart.svg() == chart.svg())
    }

    @Test("the figure wraps the chart and a folded data table")
    func figure() {
        let html = payTrend().figureHTML()
        #expect(html.hasPrefix("<figure class=\"chart-figure\">\n<svg "))
        #expect(html.contains("<details class=\"chart-data\">\n<summary>Show the data</summary>\n<table "))
    }

    @Test("the palette has six colours with at least 3:1 contrast on white, each with its own dash pattern")
    func palette() {
        #expect(SVGChart.Palette.colors.count == 6)
        for color in SVGChart.Palette.colors {
            #expect(contrastOnWhite(color) >= 3, "\(color)")
        }
        #expect(Set(SVGChart.Palette.dashArrays).count == 6)
        let styles = (0..<36).map { SVGChart.Palette.style(at: $0) }
        #expect(Set(styles.map { "\($0.color) \($0.dashArray)" }).count == 36)
    }
}
