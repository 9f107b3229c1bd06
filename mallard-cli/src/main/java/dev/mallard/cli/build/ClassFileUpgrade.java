package dev.mallard.cli.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * A build step (run by the exec plugin after shading; never shipped in mallard.jar) that
 * rewrites the jar's pre-Java-6 class files as Java 8 class files with stack map frames.
 *
 * <p>Why: picocli is compiled for Java 5 (class file version 49). The JVM's class-data
 * sharing archive skips such classes, and each start verifies them again with the old
 * type-inferring verifier; that was over a third of {@code mallard --version}. Upgraded,
 * they load from the archive pre-verified like every other class. The bytecode itself is
 * unchanged: only the version number and the computed frames are new.
 */
public final class ClassFileUpgrade {
    /** Class files below this major version (Java 6) are rewritten. */
    static final int FIRST_ARCHIVABLE = 50;

    private ClassFileUpgrade() {
    }

    /**
     * {@code ClassFileUpgrade <jar> <package/prefix/>}: rewrites the old class files under the
     * prefix in place and prints how many changed. (Only a named library: other old classes in
     * the jar may refer to optional classes that are not there, which frames cannot be computed
     * without.)
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ClassFileUpgrade <jar> <package/prefix/>");
        }
        Path jar = Path.of(args[0]);
        int upgraded = upgradeJar(jar, args[1]);
        System.out.println("[mallard] " + upgraded + " pre-Java-6 class files upgraded in " + jar.getFileName());
    }

    /** Rewrites every old class file under {@code prefix} in {@code jar}; returns how many were rewritten. */
    public static int upgradeJar(Path jar, String prefix) throws IOException {
        Path out = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        // frames need the common superclass of two types, found by loading them from the jar itself
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                InputStream raw = Files.newInputStream(jar);
                ZipInputStream in = new ZipInputStream(raw);
                OutputStream rawOut = Files.newOutputStream(out);
                ZipOutputStream zip = new ZipOutputStream(rawOut)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().startsWith(prefix) && entry.getName().endsWith(".class")
                        && majorVersion(bytes) < FIRST_ARCHIVABLE) {
                    bytes = upgrade(bytes, loader);
                    upgraded++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zip.putNextEntry(copy);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        Files.move(out, jar, StandardCopyOption.REPLACE_EXISTING);
        return upgraded;
    }

    /** The class file's major version (0 when the bytes are not a class file). */
    static int majorVersion(byte[] classFile) {
        if (classFile.length < 8 || (classFile[0] & 0xff) != 0xCA || (classFile[1] & 0xff) != 0xFE) {
            return Integer.MAX_VALUE;
        }
        return ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** The same class as a Java 8 class file, with frames computed against {@code loader}'s classes. */
    static byte[] upgrade(byte[] classFile, ClassLoader loader) {
        ClassReader reader = new ClassReader(classFile);
        // not ClassWriter(reader, ...): that copies method bodies as they are, without frames
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
