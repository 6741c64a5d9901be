/// Finds where a reply's own text ends and the quoted history begins.
enum QuotedHistory {
    static func strip(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var cut = lines.count
        for (index, line) in lines.enumerated() where isHistoryStart(line, next: index + 1 < lines.count ? lines[index + 1] : nil,
                                                                   following: lines.dropFirst(index + 1).prefix(4)) {
            cut = index
            break
        }
        return lines[..<cut].joined(separator: "\n").trimmingWhitespace()
    }

    private static func isHistoryStart(_ rawLine: String, next: String?, following: ArraySlice<String>) -> Bool {
        let line = rawLine.trimmingWhitespace()
        if line.hasPrefix(">") { return true }
        if line.hasPrefix("-----Original Message-----") || line.hasPrefix("________________________________") { return true }
        // Gmail and Apple Mail wrap long attributions, so "wrote:" may land on the following line.
        let attributionStarts = ["On ", "Le ", "Am ", "El ", "Op "]
        let attributionEnds = ["wrote:", "a écrit :", "a écrit:", "schrieb:", "escribió:", "geschreven:"]
        if attributionStarts.contains(where: line.hasPrefix) {
            let joined = line + " " + (next?.trimmingWhitespace() ?? "")
            if attributionEnds.contains(where: { line.hasSuffix($0) || joined.hasSuffix($0) }) { return true }
        }
        // Outlook's plain-text history: a "From:" line followed shortly by "Sent:".
        if line.hasPrefix("From:") && following.contains(where: { $0.trimmingWhitespace().hasPrefix("Sent:") }) { return true }
        return false
    }
}
