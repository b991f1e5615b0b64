package org.maxdnn.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.maxdnn.infer.ops.Operators;
import org.maxdnn.model.OpType;

/** The README's paragraph "Supported operators" names exactly the builtins the operator registry runs. */
class ReadmeOperatorsTest {
    @Test
    void theReadmeListsEveryRegisteredOperatorAndNoOther() throws IOException {
        String readme = Files.readString(DocumentationLinksTest.repositoryRoot().resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("Supported operators");
        int end = readme.indexOf("\n\n", start);
        String paragraph = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> listed = new TreeSet<>();
        Matcher m = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b")
                .matcher(paragraph);
        while (m.find()) {
            listed.add(m.group());
        }
        Set<String> registered = new TreeSet<>();
        for (OpType op : Operators.supported()) {
            registered.add(op.name());
        }
        assertEquals(registered, listed);
    }
}
