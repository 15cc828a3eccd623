import Testing
@Test func placeholderImmediateUITests() { #expect(Bool(true)) }
