package io.camelwechat.component.wechat.internal.push;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses WeChat's flat push XML into its fields, with DTDs, external entities and XInclude disabled: an XXE or
 * "billion laughs" payload is refused before any entity is expanded.
 */
final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /**
     * A builder per thread: making one costs more than parsing a push, and a builder is not thread-safe. Each parse
     * starts from a clean scanner; after a failed parse the thread's builder is dropped (resetting it before every
     * parse cost about as much as the parse of a push).
     */
    private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(SafeXml::newBuilder);

    /** Fails on errors without printing them: a rejected push is reported once, by the receiver. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    private SafeXml() {
    }

    /** Any external entity still asked for resolves to nothing (DTDs are refused before it could be). */
    private static final EntityResolver NO_ENTITIES = (publicId, systemId) -> new InputSource(new StringReader(""));

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setEntityResolver(NO_ENTITIES);
            builder.setErrorHandler(SILENT);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the hardened XML parser cannot be created", e);
        }
    }

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // not a hardening: a push has a dozen nodes, and deferring their expansion costs more than it saves
            factory.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened against XXE", e);
        }
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    /**
     * The text of each child element of the root, in document order.
     *
     * @throws PushRejectedException 400 when the body is not well-formed XML or declares a DTD
     */
    static Map<String, String> fields(byte[] xml) throws PushRejectedException {
        Element root;
        try {
            root = BUILDERS.get().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException | IOException e) {
            BUILDERS.remove(); // the next parse on this thread gets a new builder: nothing of this one is kept
            throw new PushRejectedException(400, "the body is not acceptable XML (DTDs and entities are refused)");
        } catch (RuntimeException e) {
            BUILDERS.remove(); // a parser error of its own may leave the builder in any state
            throw e;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                fields.put(element.getTagName(), element.getTextContent().trim());
            }
        }
        return fields;
    }
}
