import RapportCore

/// One page of a list: `{"items": [...], "total": N, "nextCursor": "…" | null}`, the cursor null on the last page.
public struct ListDocument<Item: Encodable & Sendable>: Encodable, Sendable {
    public var items: [Item]
    public var total: Int
    public var nextCursor: String?

    public init(_ page: Page<Item>) {
        items = page.items
        total = page.total
        nextCursor = page.nextAfter.map(Cursor.encode)
    }

    enum CodingKeys: String, CodingKey { case items, total, nextCursor }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(total, forKey: .total)
        try container.encode(nextCursor, forKey: .nextCursor)  // null on the last page, never missing
    }
}
