package dev.mallard.cli.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class ClassFileUpgradeTest {
    /** A Java 5 class {@code Old} with {@code static int sign(int)}: branches, so Java 8 needs frames for it. */
    private static byte[] java5Class() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, "Old", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "sign", "(I)I", null, null);
        mv.visitCode();
        Label negative = new Label();
        Label positive = new Label();
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IFLT, negative);
        mv.visitVarInsn(Opcodes.ILOAD, 0);
        mv.visitJumpInsn(Opcodes.IFGT, positive);
        mv.visitInsn(Opcodes.ICONST_0);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(negative);
        mv.visitInsn(Opcodes.ICONST_M1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitLabel(positive);
        mv.visitInsn(Opcodes.ICONST_1);
        mv.visitInsn(Opcodes.IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static Class<?> define(byte[] bytes) {
        return new ClassLoader(null) {
            Class<?> load() {
                return defineClass("Old", bytes, 0, bytes.length);
            }
        }.load();
    }

    @Test
    void anOldClassBecomesAJava8ClassThatStillWorks() throws Exception {
        byte[] old = java5Class();
        assertEquals(49, ClassFileUpgrade.majorVersion(old));
        byte[] upgraded = ClassFileUpgrade.upgrade(old, getClass().getClassLoader());
        assertEquals(52, ClassFileUpgrade.majorVersion(upgraded));
        Method sign = define(upgraded).getMethod("sign", int.class);
        assertEquals(-1, sign.invoke(null, -5));
        assertEquals(0, sign.invoke(null, 0));
        assertEquals(1, sign.invoke(null, 7));
    }

    @Test
    void onlyTheVersionNumberWithoutFramesWouldNotVerify() {
        // the reason frames are computed: a Java 8 class with branches and no stack map is refused
        byte[] bumped = java5Class();
        bumped[7] = 52;
        assertThrows(VerifyError.class, () -> define(bumped).getMethod("sign", int.class).invoke(null, 1));
    }

    @Test
    void bytesThatAreNotAClassFileAreLeftAlone() {
        assertEquals(Integer.MAX_VALUE, ClassFileUpgrade.majorVersion(new byte[] {1, 2, 3}));
    }
}
