package org.maxdnn.mult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

/**
 * Every multiplier of the catalogue that says its products decompose into {@link ProductTerms}
 * (the golden model's planar and dot-product paths rely on it) against its own table on all 65,536
 * pairs: f(x, w) − f(x′, w) = Σ weight · (φ(x) − φ(x′)), at most maxTerms() terms, and a separable
 * one's single term of its kind.
 */
class ProductTermsTest {
    private final MultiplierRegistry registry = new MultiplierRegistry(null);

    @Test
    void everyDecomposingMultiplierEqualsItsTermsOnAllPairs() {
        int decomposing = 0;
        for (MultiplierConfig c : MultiplierCatalog.library()) {
            Multiplier m = registry.get(c);
            if (!(m instanceof ProductTerms t)) {
                continue;
            }
            decomposing++;
            int[] table = m.table();
            for (int weight = -128; weight < 128; weight++) {
                int w = weight;
                int[] terms = new int[1];
                ProductTerms.Kind[] kinds = new ProductTerms.Kind[t.maxTerms()];
                int[] weights = new int[t.maxTerms()];
                t.terms(w, (kind, termWeight) -> {
                    if (terms[0] == kinds.length) {
                        fail(c + ": more than " + kinds.length + " terms for w=" + w);
                    }
                    if (t.separableKind() != null && !kind.equals(t.separableKind())) {
                        fail(c + ": a term of kind " + kind + ", not its separable kind " + t.separableKind());
                    }
                    kinds[terms[0]] = kind;
                    weights[terms[0]++] = termWeight;
                });
                for (int x = -128; x < 128; x++) {
                    int sum = 0;
                    for (int i = 0; i < terms[0]; i++) {
                        sum += weights[i] * (kinds[i].apply(x) - kinds[i].apply(0));
                    }
                    int expected = table[Multiplier.index(x, w)] - table[Multiplier.index(0, w)];
                    if (sum != expected) {
                        fail(c + " at x=" + x + " w=" + w + ": terms give " + sum + ", the multiplier " + expected);
                    }
                }
            }
        }
        assertTrue(decomposing >= 65, "exact, roup and roupc decompose: " + decomposing);
        assertEquals(ProductTerms.Kind.IDENTITY, ((ProductTerms) registry.get(MultiplierConfig.EXACT)).separableKind());
    }
}
