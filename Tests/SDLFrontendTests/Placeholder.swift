import Testing
@Test func placeholderSDLFrontendTests() { #expect(Bool(true)) }
