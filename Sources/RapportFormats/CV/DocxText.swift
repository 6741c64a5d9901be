import Foundation
import FoundationXML
import RapportText
import ZIPFoundation

/// The text of a Word document (.docx: a zip archive of XML, ECMA-376): the paragraphs of `word/document.xml` as
/// lines, tabs and line breaks kept, list paragraphs starting with "• ". The file is read from a private copy that
/// is removed at once, and an entry that inflates past `maximumXMLBytes` stops the reading (a zip bomb is refused,
/// not unpacked).
public enum DocxText {
    /// The most `word/document.xml` may inflate to; a long CV is well under a megabyte.
    public static let maximumXMLBytes = 16 << 20

    public static func read(_ data: Data) throws(FormatError) -> String {
        // Read from a private file, not from memory: ZIPFoundation 0.9.20's in-memory archive stops the process on an
        // entry whose offset lies past the end (a read with a negative length), and never frees the bytes of one it
        // cannot open. Both found by the fuzz target (Fuzz/); its file-backed archive reads such input as damaged.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-docx-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive: Archive
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let file = folder.appendingPathComponent("cv.docx")
            try data.write(to: file)
            archive = try Archive(url: file, accessMode: .read)
        } catch {
            throw FormatError("is not a readable Word document (its zip archive is damaged)")
        }
        guard let entry = archive["word/document.xml"] else {
            throw FormatError("is a zip archive without word/document.xml, so not a Word document")
        }
        var xml = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                xml.append(chunk)
                if xml.count > maximumXMLBytes { throw InflationLimit() }
            }
        } catch is InflationLimit {
            throw FormatError("inflates to more than \(maximumXMLBytes >> 20) MiB of text; no CV is that long (a zip bomb?)")
        } catch {
            throw FormatError("is a Word document whose text cannot be unpacked (\(error))")
        }
        let reader = ParagraphReader()
        let parser = XMLParser(data: xml)
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        guard parser.parse() else {
            throw FormatError("is a Word document whose text is not well-formed XML")
        }
        return reader.lines.joined(separator: "\n").trimmed
    }

    private struct InflationLimit: Error {}

    /// Collects `w:t` runs into paragraphs (`w:p`), with `w:tab` as a tab and `w:br`/`w:cr` as a line break.
    private final class ParagraphReader: NSObject, XMLParserDelegate {
        var lines: [String] = []
        private var paragraph = ""
        private var inText = false
        private var isListItem = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "w:t": inText = true
            case "w:tab": paragraph += "\t"
            case "w:br", "w:cr": paragraph += "\n"
            case "w:numPr": isListItem = true
            case "w:p":
                paragraph = ""
                isListItem = false
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:t": inText = false
            case "w:p":
                let text = paragraph.trimmedSpaces
                lines.append(isListItem && !text.isEmpty ? "• " + text : text)
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { paragraph += string }
        }
    }
}

/// A CV that is text already (.txt, .md): its encoding found as a CSV's is, Markdown's markup left as it reads.
public enum PlainCVText {
    public static func read(_ data: Data) throws(FormatError) -> String {
        let (text, _) = try CSVTable.text(data)
        guard !text.unicodeScalars.contains(where: { $0.value == 0 }) else { throw FormatError("is not text") }
        return text.replacingOccurrences(of: "\r\n", with: "\n").trimmed
    }
}
