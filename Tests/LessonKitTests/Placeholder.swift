import Testing
@Test func placeholderLessonKit() { #expect(Bool(true)) }
