import Foundation
import RapportFormats
import Testing

@Suite("Salary text as postings write it")
struct SalaryTextTests {
    static func pay(_ minimum: Decimal, _ maximum: Decimal, _ currency: String?, _ period: SalaryText.Period?, dollar: Bool = false) -> SalaryText {
        .stated(.init(minimum: minimum, maximum: maximum, currency: currency, dollar: dollar, period: period))
    }

    @Test("ranges, single figures, thousands and currencies are read as written", arguments: [
        ("$150K–$180K a year", pay(150_000, 180_000, nil, .year, dollar: true)),
        ("60–100 USD/hr", pay(60, 100, "USD", .hour)),
        ("£550/day", pay(550, 550, "GBP", .day)),
        ("€70k", pay(70_000, 70_000, "EUR", nil)),
        ("$3.5k–$4.9k/mo", pay(3_500, 4_900, nil, .month, dollar: true)),
        ("$150-180K per annum", pay(150_000, 180_000, nil, .year, dollar: true)),
        ("£45,000 - £55,000 pa", pay(45_000, 55_000, "GBP", .year)),
        ("NZ$ 120,000 to 140,000 per year", pay(120_000, 140_000, "NZD", .year)),
        ("CA$95/hour", pay(95, 95, "CAD", .hour)),
        ("HK$55,000 monthly", pay(55_000, 55_000, "HKD", .month)),
        ("₹18,00,000 - 25,00,000 per annum", pay(1_800_000, 2_500_000, "INR", .year)),
        ("CHF 1,200 per week", pay(1_200, 1_200, "CHF", .week)),
        ("450 - 500 GBP p/d", pay(450, 500, "GBP", .day)),
        ("Up to £600 per day inside IR35", pay(600, 600, "GBP", .day)),
        ("$120,000 - $150,000 + bonus + 401(k)", pay(120_000, 150_000, nil, nil, dollar: true)),
        ("USD 8,000/month", pay(8_000, 8_000, "USD", .month)),
    ])
    func stated(text: String, expected: SalaryText) {
        #expect(SalaryText.read(text) == expected, "\(text)")
    }

    @Test("nothing said is pay not disclosed", arguments: [
        "Competitive", "", "DOE", "Negotiable depending on experience", "Market rate", "Competitive salary + equity",
    ])
    func notDisclosed(text: String) {
        #expect(SalaryText.read(text) == .notDisclosed)
    }

    @Test("equity with no cash, or unpaid work, is no cash pay", arguments: ["0 + equity", "Equity only", "Unpaid internship", "$0 + 0.5% equity"])
    func noCashPay(text: String) {
        #expect(SalaryText.read(text) == .noCashPay)
    }
}
