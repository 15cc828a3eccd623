import Testing
@Test func placeholderPlaygroundCoreTests() { #expect(Bool(true)) }
